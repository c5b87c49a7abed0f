namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Biased matrix factorisation (Koren, Bell and Volinsky 2009): a rating is predicted as the global mean + the rater's
/// bias + the ratee's bias + the dot product of their latent factor vectors, learned by stochastic gradient descent on
/// the squared error with L2 regularisation. Predictions are clamped to the rating scale. The ratings are learned in
/// units of a scale 4 wide (as 1..5, where the learning rate and regularisation were chosen): on −10..+10 each unit
/// is 5 points, so the same hyper-parameters work unchanged on any configured scale.
/// </summary>
internal sealed class MatrixFactorization
{
    /// <summary>The width of the scale the hyper-parameters were chosen on (1..5).</summary>
    private const double ReferenceWidth = 4;

    private MatrixFactorization(int factors, double mean, double unit, float[] raterBias, float[] rateeBias, float[] raterFactors, float[] rateeFactors, double min, double max)
    {
        Unit = unit;
        Factors = factors;
        GlobalMean = mean;
        RaterBias = raterBias;
        RateeBias = rateeBias;
        RaterFactors = raterFactors;
        RateeFactors = rateeFactors;
        MinRating = min;
        MaxRating = max;
    }

    public int Factors { get; }

    public double GlobalMean { get; }

    /// <summary>Learned units per rating point: <see cref="ReferenceWidth"/> / the scale's width (1 on 1..5).</summary>
    public double Unit { get; }

    public float[] RaterBias { get; }

    public float[] RateeBias { get; }

    /// <summary>Row-major: rater u's factors are [u*Factors, (u+1)*Factors).</summary>
    public float[] RaterFactors { get; }

    public float[] RateeFactors { get; }

    public double MinRating { get; }

    public double MaxRating { get; }

    public int RaterCount => RaterBias.Length;

    public int RateeCount => RateeBias.Length;

    public static MatrixFactorization Train<TId>(RatingData<TId> data, MatrixFactorizationOptions options, CancellationToken cancellationToken = default)
        where TId : notnull
    {
        var k = options.Factors;
        var users = data.Raters.Length;
        var items = data.Ratees.Length;
        var random = new Random(options.Seed);
        var mean = data.Count == 0 ? data.Scale.Neutral : data.Values.Average(v => (double)v);
        var bu = new float[users];
        var bi = new float[items];
        var p = Gaussian(random, users * k, options.InitialStandardDeviation);
        var q = Gaussian(random, items * k, options.InitialStandardDeviation);
        var lr = (float)options.LearningRate;
        var reg = (float)options.Regularization;
        var regBias = (float)options.BiasRegularization;
        var mu = (float)mean;
        var unit = (float)(ReferenceWidth / data.Scale.Width);

        // Ratings grouped by rater (compressed rows, ratee and value side by side, in rating order within a row): the
        // implicit sum is computed once per rater per epoch and its gradient applied once; a rater's ratings are read
        // from one place instead of from wherever they lie in the input.
        var start = new int[users + 1];
        foreach (var u in data.RaterIndex)
        {
            start[u + 1]++;
        }

        for (var u = 0; u < users; u++)
        {
            start[u + 1] += start[u];
        }

        var rowRatee = new int[data.Count];
        var rowValue = new float[data.Count];
        var next = start[..^1];
        for (var n = 0; n < data.Count; n++)
        {
            var at = next[data.RaterIndex[n]]++;
            rowRatee[at] = data.RateeIndex[n];
            rowValue[at] = data.Values[n];
        }

        var y = options.Implicit ? Gaussian(random, items * k, options.InitialStandardDeviation) : new float[items * k];
        var raterOrder = Enumerable.Range(0, users).Where(u => start[u + 1] > start[u]).ToArray();
        var implicitSum = new float[k];
        var effective = new float[k];
        var gradient = new float[k];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(raterOrder);
            foreach (var u in raterOrder)
            {
                var ratees = rowRatee.AsSpan(start[u], start[u + 1] - start[u]);
                var values = rowValue.AsSpan(start[u], ratees.Length);
                var pu = p.AsSpan(u * k, k);
                var norm = options.Implicit ? 1 / MathF.Sqrt(ratees.Length) : 0f;
                Array.Clear(implicitSum);
                Array.Clear(gradient);
                if (options.Implicit)
                {
                    foreach (var j in ratees)
                    {
                        Add(implicitSum, y.AsSpan(j * k, k));
                    }

                    Scale(implicitSum, norm);
                }

                Shuffle(random, ratees, values);
                for (var n = 0; n < ratees.Length; n++)
                {
                    var i = ratees[n];
                    var qi = q.AsSpan(i * k, k);
                    Sum(pu, implicitSum, effective);
                    var error = ((values[n] - mu) * unit) - (bu[u] + bi[i] + Vectors.Dot(effective, qi));
                    bu[u] += lr * (error - (regBias * bu[u]));
                    bi[i] += lr * (error - (regBias * bi[i]));
                    Step(pu, qi, effective, gradient, error, lr, reg);
                }

                if (options.Implicit)
                {
                    // One step for every implicit vector of the rater, with the gradient averaged over its ratings.
                    var step = lr * norm / ratees.Length;
                    var decay = lr * reg / ratees.Length;
                    foreach (var j in ratees)
                    {
                        ImplicitStep(y.AsSpan(j * k, k), gradient, step, decay);
                    }
                }
            }

            lr *= (float)options.LearningRateDecay;
        }

        // Fold the implicit part into the rater factors: predictions need no rating history then.
        if (options.Implicit)
        {
            for (var u = 0; u < users; u++)
            {
                var ratees = rowRatee.AsSpan(start[u], start[u + 1] - start[u]);
                if (ratees.IsEmpty)
                {
                    continue;
                }

                Array.Clear(implicitSum);
                foreach (var j in ratees)
                {
                    Add(implicitSum, y.AsSpan(j * k, k));
                }

                Scale(implicitSum, 1 / MathF.Sqrt(ratees.Length));
                Add(p.AsSpan(u * k, k), implicitSum);
            }
        }

        return new MatrixFactorization(k, mean, unit, bu, bi, p, q, data.MinRating, data.MaxRating);
    }

    /// <summary>The predicted rating; an unknown rater or ratee (index -1) falls back to the biases that are known.</summary>
    public double Predict(int rater, int ratee)
    {
        double value = 0;
        if (rater >= 0)
        {
            value += RaterBias[rater];
        }

        if (ratee >= 0)
        {
            value += RateeBias[ratee];
        }

        if (rater >= 0 && ratee >= 0)
        {
            value += Vectors.Dot(RaterFactors.AsSpan(rater * Factors, Factors), RateeFactors.AsSpan(ratee * Factors, Factors));
        }

        return Math.Clamp(GlobalMean + (value / Unit), MinRating, MaxRating);
    }

    private static void Sum(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result)
    {
        var width = System.Numerics.Vector<float>.Count;
        var f = 0;
        for (; f <= result.Length - width; f += width)
        {
            (new System.Numerics.Vector<float>(a[f..]) + new System.Numerics.Vector<float>(b[f..])).CopyTo(result[f..]);
        }

        for (; f < result.Length; f++)
        {
            result[f] = a[f] + b[f];
        }
    }

    /// <summary>y += step·gradient − decay·y, element by element (vectorised; the same arithmetic as the scalar loop).</summary>
    private static void ImplicitStep(Span<float> y, ReadOnlySpan<float> gradient, float step, float decay)
    {
        var width = System.Numerics.Vector<float>.Count;
        var s = new System.Numerics.Vector<float>(step);
        var d = new System.Numerics.Vector<float>(decay);
        var f = 0;
        for (; f <= y.Length - width; f += width)
        {
            var yf = new System.Numerics.Vector<float>(y[f..]);
            (yf + ((s * new System.Numerics.Vector<float>(gradient[f..])) - (d * yf))).CopyTo(y[f..]);
        }

        for (; f < y.Length; f++)
        {
            y[f] += (step * gradient[f]) - (decay * y[f]);
        }
    }

    /// <summary>
    /// One SGD step on a rating's error: p += lr(e·q − λp), q += lr(e·(p + implicit) − λq), gradient += e·q; vectorised.
    /// </summary>
    private static void Step(Span<float> pu, Span<float> qi, ReadOnlySpan<float> effective, Span<float> gradient, float error, float lr, float reg)
    {
        var width = System.Numerics.Vector<float>.Count;
        var f = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var e = new System.Numerics.Vector<float>(error);
            var rate = new System.Numerics.Vector<float>(lr);
            var penalty = new System.Numerics.Vector<float>(reg);
            for (; f <= pu.Length - width; f += width)
            {
                var p = new System.Numerics.Vector<float>(pu[f..]);
                var q = new System.Numerics.Vector<float>(qi[f..]);
                var eff = new System.Numerics.Vector<float>(effective[f..]);
                (p + (rate * ((e * q) - (penalty * p)))).CopyTo(pu[f..]);
                (q + (rate * ((e * eff) - (penalty * q)))).CopyTo(qi[f..]);
                (new System.Numerics.Vector<float>(gradient[f..]) + (e * q)).CopyTo(gradient[f..]);
            }
        }

        for (; f < pu.Length; f++)
        {
            var puf = pu[f];
            var qif = qi[f];
            pu[f] = puf + (lr * ((error * qif) - (reg * puf)));
            qi[f] = qif + (lr * ((error * effective[f]) - (reg * qif)));
            gradient[f] += error * qif;
        }
    }

    private static void Add(Span<float> target, ReadOnlySpan<float> values)
    {
        var width = System.Numerics.Vector<float>.Count;
        var f = 0;
        for (; f <= target.Length - width; f += width)
        {
            (new System.Numerics.Vector<float>(target[f..]) + new System.Numerics.Vector<float>(values[f..])).CopyTo(target[f..]);
        }

        for (; f < target.Length; f++)
        {
            target[f] += values[f];
        }
    }

    private static void Scale(Span<float> target, float factor)
    {
        for (var f = 0; f < target.Length; f++)
        {
            target[f] *= factor;
        }
    }

    /// <summary>Fisher–Yates over a rater's row, ratees and values swapped together.</summary>
    private static void Shuffle(Random random, Span<int> ratees, Span<float> values)
    {
        for (var n = ratees.Length - 1; n > 0; n--)
        {
            var m = random.Next(n + 1);
            (ratees[n], ratees[m]) = (ratees[m], ratees[n]);
            (values[n], values[m]) = (values[m], values[n]);
        }
    }

    private static float[] Gaussian(Random random, int length, double deviation)
    {
        var values = new float[length];
        for (var n = 0; n < length; n++)
        {
            // Box-Muller
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[n] = (float)(deviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return values;
    }
}
