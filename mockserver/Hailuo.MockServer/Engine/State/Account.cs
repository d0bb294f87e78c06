namespace Hailuo.MockServer.Simulation;

/// <summary>The optional prepaid balance that submits are charged against.</summary>
internal sealed class Account
{
    private readonly object _gate = new();
    private readonly decimal? _starting;
    private decimal? _balance;

    public Account(decimal? starting)
    {
        _starting = starting;
        _balance = starting;
    }

    /// <summary>Dollars left, or null when unlimited.</summary>
    public decimal? Balance
    {
        get
        {
            lock (_gate)
            {
                return _balance;
            }
        }
    }

    /// <summary>Charges the cost; false when the balance is empty or too small (an empty account cannot submit even an unpriced task).</summary>
    public bool TryCharge(decimal cost, Action create)
    {
        lock (_gate)
        {
            if (_balance is { } balance && (balance <= 0 || balance < cost))
            {
                return false;
            }

            // Creating under the lock keeps "charged" and "created" one step: no task without its charge.
            create();
            _balance -= cost;
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _balance = _starting;
        }
    }
}
