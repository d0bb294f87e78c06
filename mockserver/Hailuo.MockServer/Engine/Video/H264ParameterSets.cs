namespace Hailuo.MockServer.Video;

/// <summary>Builds the Constrained Baseline SPS and PPS NAL units shared by every frame.</summary>
internal static class H264ParameterSets
{
    public const int ProfileIdc = 66;

    // constraint_set0 (Baseline) and constraint_set1 (Main-compatible, i.e. Constrained Baseline).
    public const int ConstraintFlags = 0xC0;

    // frame_num has 8 bits so it never wraps inside a one-second GOP.
    public const int Log2MaxFrameNum = 8;

    public static byte[] CreateSps(FrameGeometry geometry, int levelIdc)
    {
        var w = new BitWriter();
        w.WriteBits(ProfileIdc, 8);
        w.WriteBits(ConstraintFlags, 8);
        w.WriteBits((uint)levelIdc, 8);
        w.WriteUe(0); // seq_parameter_set_id
        w.WriteUe(Log2MaxFrameNum - 4);
        w.WriteUe(2); // pic_order_cnt_type 2: output order equals decoding order, no POC in slices
        w.WriteUe(1); // max_num_ref_frames: each P frame only looks at the previous one
        w.WriteFlag(false); // gaps_in_frame_num_value_allowed_flag
        w.WriteUe((uint)geometry.WidthInMbs - 1);
        w.WriteUe((uint)geometry.HeightInMbs - 1);
        w.WriteFlag(true); // frame_mbs_only_flag
        w.WriteFlag(true); // direct_8x8_inference_flag
        w.WriteFlag(geometry.NeedsCrop);
        if (geometry.NeedsCrop)
        {
            w.WriteUe(0);
            w.WriteUe((uint)geometry.CropRight);
            w.WriteUe(0);
            w.WriteUe((uint)geometry.CropBottom);
        }

        w.WriteFlag(true); // vui_parameters_present_flag
        WriteVui(w);
        w.WriteTrailingBits();
        return NalUnit.Create(3, NalUnit.SequenceParameterSet, w.ToArray());
    }

    public static byte[] CreatePps()
    {
        var w = new BitWriter();
        w.WriteUe(0); // pic_parameter_set_id
        w.WriteUe(0); // seq_parameter_set_id
        w.WriteFlag(false); // entropy_coding_mode_flag: CAVLC
        w.WriteFlag(false); // bottom_field_pic_order_in_frame_present_flag
        w.WriteUe(0); // num_slice_groups_minus1
        w.WriteUe(0); // num_ref_idx_l0_default_active_minus1
        w.WriteUe(0); // num_ref_idx_l1_default_active_minus1
        w.WriteFlag(false); // weighted_pred_flag
        w.WriteBits(0, 2); // weighted_bipred_idc
        w.WriteSe(H264Slices.QuantParameter - 26); // pic_init_qp_minus26
        w.WriteSe(0); // pic_init_qs_minus26
        w.WriteSe(0); // chroma_qp_index_offset
        w.WriteFlag(true); // deblocking_filter_control_present_flag, so slices can turn it off
        w.WriteFlag(false); // constrained_intra_pred_flag
        w.WriteFlag(false); // redundant_pic_cnt_present_flag
        w.WriteTrailingBits();
        return NalUnit.Create(3, NalUnit.PictureParameterSet, w.ToArray());
    }

    private static void WriteVui(BitWriter w)
    {
        w.WriteFlag(false); // aspect_ratio_info_present_flag
        w.WriteFlag(false); // overscan_info_present_flag
        w.WriteFlag(true); // video_signal_type_present_flag, to declare BT.709 limited range
        w.WriteBits(5, 3); // video_format: unspecified
        w.WriteFlag(false); // video_full_range_flag
        w.WriteFlag(true); // colour_description_present_flag
        w.WriteBits(1, 8); // colour_primaries BT.709
        w.WriteBits(1, 8); // transfer_characteristics BT.709
        w.WriteBits(1, 8); // matrix_coefficients BT.709
        w.WriteFlag(false); // chroma_loc_info_present_flag
        w.WriteFlag(false); // timing_info_present_flag: the container carries timing
        w.WriteFlag(false); // nal_hrd_parameters_present_flag
        w.WriteFlag(false); // vcl_hrd_parameters_present_flag
        w.WriteFlag(false); // pic_struct_present_flag
        w.WriteFlag(true); // bitstream_restriction_flag, so decoders output each frame at once
        w.WriteFlag(true); // motion_vectors_over_pic_boundaries_flag
        w.WriteUe(0); // max_bytes_per_pic_denom
        w.WriteUe(0); // max_bits_per_mb_denom
        w.WriteUe(16); // log2_max_mv_length_horizontal
        w.WriteUe(16); // log2_max_mv_length_vertical
        w.WriteUe(0); // max_num_reorder_frames
        w.WriteUe(1); // max_dec_frame_buffering
    }
}
