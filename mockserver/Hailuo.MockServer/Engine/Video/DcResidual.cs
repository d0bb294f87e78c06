namespace Hailuo.MockServer.Video;

/// <summary>
/// Chooses and CAVLC-codes one DC coefficient that lifts the neutral (128) intra prediction of the first
/// macroblock to a target value; every later macroblock copies it through DC prediction.
/// </summary>
internal static class DcResidual
{
    // normAdjust4x4(m, 0, 0) times the flat weight 16 (clause 8.5.9).
    private static readonly int[] LevelScale = [160, 176, 208, 224, 256, 288];

    public static int LumaLevel(int target) => BestLevel(target, ReconstructLuma);

    public static int ChromaLevel(int target) => BestLevel(target, ReconstructChroma);

    /// <summary>Sample value of an Intra16x16 block whose only coefficient is the luma DC level.</summary>
    public static int ReconstructLuma(int level) => Clip(128 + LumaDelta(level));

    /// <summary>What a luma DC level adds to every sample of an Intra16x16 block's prediction.</summary>
    public static int LumaDelta(int level)
    {
        // The 4x4 Hadamard of a lone DC spreads it unchanged to all 16 blocks (clause 8.5.10).
        var qp = H264Slices.QuantParameter;
        var scaled = level * LevelScale[qp % 6];
        var dc = qp >= 36 ? scaled << ((qp / 6) - 6) : (scaled + (1 << (5 - (qp / 6)))) >> (6 - (qp / 6));
        return (dc + 32) >> 6;
    }

    /// <summary>The luma DC level that takes a flat <paramref name="prediction"/> closest to <paramref name="target"/>.</summary>
    public static int LumaLevel(int prediction, int target)
    {
        // A level adds about 0.8 at QP 26: start from the estimate and look a few levels either side (a full search per macroblock is slow at 1080p).
        var estimate = (int)Math.Round((target - prediction) / (double)Math.Max(1, LumaDelta(64)) * 64);
        var best = Math.Clamp(estimate, -255, 255);
        for (var level = Math.Max(-255, estimate - 4); level <= Math.Min(255, estimate + 4); level++)
        {
            if (Math.Abs(Clip(prediction + LumaDelta(level)) - target) < Math.Abs(Clip(prediction + LumaDelta(best)) - target))
            {
                best = level;
            }
        }

        return best;
    }

    /// <summary>Sample value of an 8x8 chroma block whose only coefficient is the chroma DC level.</summary>
    public static int ReconstructChroma(int level)
    {
        // chroma_qp_index_offset is 0 and QP is below 30, so QPc equals QP (Table 8-15).
        var qp = H264Slices.QuantParameter;
        var dc = ((level * LevelScale[qp % 6]) << (qp / 6)) >> 5;
        return Clip(128 + ((dc + 32) >> 6));
    }

    /// <summary>residual_block_cavlc for a block holding at most one non-zero coefficient, at scan position 0.</summary>
    public static void Write(BitWriter w, int level, bool chromaDc)
    {
        if (level == 0)
        {
            // coeff_token TotalCoeff=0 (nC=-1 for chroma DC, 0<=nC<2 for luma DC).
            w.WriteBits(1, chromaDc ? 2 : 1);
            return;
        }

        if (Math.Abs(level) == 1)
        {
            // coeff_token TotalCoeff=1 TrailingOnes=1, then its sign.
            w.WriteBits(1, chromaDc ? 1 : 2);
            w.WriteFlag(level < 0);
        }
        else
        {
            // coeff_token TotalCoeff=1 TrailingOnes=0, then the level with suffixLength 0.
            w.WriteBits(chromaDc ? 7u : 5u, 6);
            WriteLevel(w, level);
        }

        w.WriteBit(1); // total_zeros = 0 for TotalCoeff 1, same code in both tables
    }

    private static void WriteLevel(BitWriter w, int level)
    {
        // levelCode maps +n to 2n-2 and -n to -2n-1; the first non-trailing-one level is sent minus 2.
        var levelCode = (level > 0 ? (2 * level) - 2 : (-2 * level) - 1) - 2;
        if (levelCode < 14)
        {
            WritePrefix(w, levelCode);
        }
        else if (levelCode < 30)
        {
            WritePrefix(w, 14);
            w.WriteBits((uint)(levelCode - 14), 4);
        }
        else
        {
            WritePrefix(w, 15);
            w.WriteBits((uint)(levelCode - 30), 12);
        }
    }

    private static void WritePrefix(BitWriter w, int prefix)
    {
        w.WriteBits(0, prefix);
        w.WriteBit(1);
    }

    private static int BestLevel(int target, Func<int, int> reconstruct)
    {
        var best = 0;
        for (var level = -255; level <= 255; level++)
        {
            if (Math.Abs(reconstruct(level) - target) < Math.Abs(reconstruct(best) - target))
            {
                best = level;
            }
        }

        return best;
    }

    private static int Clip(int value) => Math.Clamp(value, 0, 255);
}
