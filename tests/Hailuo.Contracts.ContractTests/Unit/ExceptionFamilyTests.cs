using Xunit;

namespace Hailuo.Contracts.ContractTests.Unit;

/// <summary>One exception with an ErrorCode, and a subtype only where a caller recovers differently.</summary>
public sealed class ExceptionFamilyTests
{
    [Fact]
    public void The_library_raises_HailuoException_and_only_the_four_subtypes_a_caller_recovers_from_differently()
    {
        var exceptions = typeof(HailuoException).Assembly.GetExportedTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { "HailuoException", "HailuoSubmitOutcomeUnknownException", "HailuoTaskFailedException", "HailuoUrlExpiredException", "HailuoValidationException" },
            exceptions);
    }

    [Fact]
    public void Every_subtype_derives_from_HailuoException_directly_so_one_catch_of_it_sees_every_field()
    {
        var subtypes = typeof(HailuoException).Assembly.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(HailuoException)));

        Assert.All(subtypes, t => Assert.Equal(typeof(HailuoException), t.BaseType));
    }
}
