namespace Hailuo.MockServer.Video;

/// <summary>Builds the two kinds of coded picture: a flat-colour IDR picture and an all-skipped P picture.</summary>
internal static class H264Slices
{
    public const int QuantParameter = 26;

    // I_16x16 with DC prediction and no luma AC: mb_type = 1 + predMode(2) + 4 * cbpChroma.
    private const uint IntraDcNoChroma = 3;
    private const uint IntraDcChromaDc = 7;

    /// <summary>One IDR slice covering the whole picture in a single flat colour.</summary>
    public static byte[] CreateIdr(FrameGeometry geometry, YuvColor color, int idrPicId)
    {
        var w = new BitWriter();
        w.WriteUe(0); // first_mb_in_slice
        w.WriteUe(7); // slice_type I (every slice of the picture)
        w.WriteUe(0); // pic_parameter_set_id
        w.WriteBits(0, H264ParameterSets.Log2MaxFrameNum); // frame_num
        w.WriteUe((uint)idrPicId); // differs between consecutive IDR pictures
        w.WriteFlag(false); // no_output_of_prior_pics_flag
        w.WriteFlag(false); // long_term_reference_flag
        WriteSliceTail(w);

        var lumaLevel = DcResidual.LumaLevel(color.Y);
        var cbLevel = DcResidual.ChromaLevel(color.Cb);
        var crLevel = DcResidual.ChromaLevel(color.Cr);
        var hasChroma = cbLevel != 0 || crLevel != 0;

        // The first macroblock predicts 128 everywhere, so its DC residual sets the colour.
        w.WriteUe(hasChroma ? IntraDcChromaDc : IntraDcNoChroma);
        w.WriteUe(0); // intra_chroma_pred_mode DC
        w.WriteSe(0); // mb_qp_delta
        DcResidual.Write(w, lumaLevel, chromaDc: false);
        if (hasChroma)
        {
            DcResidual.Write(w, cbLevel, chromaDc: true);
            DcResidual.Write(w, crLevel, chromaDc: true);
        }

        // The rest predict DC from already-coloured neighbours and carry no residual: 8 bits each.
        for (var mb = 1; mb < geometry.MbCount; mb++)
        {
            w.WriteUe(IntraDcNoChroma);
            w.WriteUe(0); // intra_chroma_pred_mode DC
            w.WriteSe(0); // mb_qp_delta
            DcResidual.Write(w, 0, chromaDc: false);
        }

        w.WriteTrailingBits();
        return NalUnit.Create(3, NalUnit.SliceIdr, w.ToArray());
    }

    /// <summary>
    /// One IDR slice painting each macroblock flat in its own luma value (chroma neutral): DC prediction from the
    /// already painted neighbours plus one DC level each, with no deblocking, so the decoded picture is exactly the grid.
    /// </summary>
    public static byte[] CreatePainted(FrameGeometry geometry, LumaGrid grid, int idrPicId)
    {
        var w = new BitWriter();
        w.WriteUe(0); // first_mb_in_slice
        w.WriteUe(7); // slice_type I
        w.WriteUe(0); // pic_parameter_set_id
        w.WriteBits(0, H264ParameterSets.Log2MaxFrameNum); // frame_num
        w.WriteUe((uint)idrPicId);
        w.WriteFlag(false); // no_output_of_prior_pics_flag
        w.WriteFlag(false); // long_term_reference_flag
        WriteSliceTail(w);

        var decoded = new int[geometry.MbCount];
        for (var mb = 0; mb < geometry.MbCount; mb++)
        {
            var (x, y) = (mb % geometry.WidthInMbs, mb / geometry.WidthInMbs);
            var prediction = (x > 0, y > 0) switch
            {
                (true, true) => (decoded[mb - 1] + decoded[mb - geometry.WidthInMbs] + 1) >> 1,
                (true, false) => decoded[mb - 1],
                (false, true) => decoded[mb - geometry.WidthInMbs],
                _ => 128,
            };
            var level = DcResidual.LumaLevel(prediction, grid[x, y]);
            decoded[mb] = Math.Clamp(prediction + DcResidual.LumaDelta(level), 0, 255);
            w.WriteUe(IntraDcNoChroma);
            w.WriteUe(0); // intra_chroma_pred_mode DC: every neighbour's chroma is 128, so no chroma residual
            w.WriteSe(0); // mb_qp_delta
            DcResidual.Write(w, level, chromaDc: false);
        }

        w.WriteTrailingBits();
        return NalUnit.Create(3, NalUnit.SliceIdr, w.ToArray());
    }

    /// <summary>One P slice whose macroblocks are all skipped, i.e. a copy of the previous picture.</summary>
    public static byte[] CreateSkip(FrameGeometry geometry, int frameNum)
    {
        var w = new BitWriter();
        w.WriteUe(0); // first_mb_in_slice
        w.WriteUe(5); // slice_type P (every slice of the picture)
        w.WriteUe(0); // pic_parameter_set_id
        w.WriteBits((uint)frameNum, H264ParameterSets.Log2MaxFrameNum);
        w.WriteFlag(false); // num_ref_idx_active_override_flag
        w.WriteFlag(false); // ref_pic_list_modification_flag_l0
        w.WriteFlag(false); // adaptive_ref_pic_marking_mode_flag: sliding window
        WriteSliceTail(w);
        w.WriteUe((uint)geometry.MbCount); // mb_skip_run over the whole picture
        w.WriteTrailingBits();
        return NalUnit.Create(2, NalUnit.SliceNonIdr, w.ToArray());
    }

    private static void WriteSliceTail(BitWriter w)
    {
        w.WriteSe(0); // slice_qp_delta
        w.WriteUe(1); // disable_deblocking_filter_idc: flat pictures have no edges to smooth
    }
}
