using ChatApp.Client.Realtime;

namespace ChatApp.UnitTests.Client;

public sealed class HubErrorsTests
{
    [Fact]
    public void A_refusal_yields_its_code_and_detail_after_SignalRs_prefix()
    {
        var error = HubErrors.Parse("An unexpected error occurred invoking 'SendMessage' on the server. HubException: chat.room_not_found: No such room.");

        Assert.Equal("chat.room_not_found", error.Code);
        Assert.Equal("No such room.", error.Detail);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public void A_validation_refusal_keeps_its_fields_in_the_detail_and_an_overload_its_retry_hint()
    {
        var validation = HubErrors.Parse("An unexpected error occurred invoking 'SendMessage' on the server. HubException: validation_failed: One or more validation errors occurred. text: 'Text' must not be empty.");
        var overloaded = HubErrors.Parse("An unexpected error occurred invoking 'SendMessage' on the server. HubException: chat.overloaded: This server is busy. Retry in 1 s.");

        Assert.Equal("validation_failed", validation.Code);
        Assert.EndsWith("text: 'Text' must not be empty.", validation.Detail, StringComparison.Ordinal);
        Assert.Equal("chat.overloaded", overloaded.Code);
        Assert.Equal(TimeSpan.FromSeconds(1), overloaded.RetryAfter);
    }

    [Fact]
    public void A_call_SignalR_cannot_dispatch_is_a_bad_request_and_anything_else_an_internal_error()
    {
        var undispatched = HubErrors.Parse("Failed to invoke 'SendMessage' due to an error on the server. InvalidDataException: Error binding arguments.");
        var unexpected = HubErrors.Parse("An unexpected error occurred invoking 'SendMessage' on the server.");

        Assert.Equal("bad_request", undispatched.Code);
        Assert.Equal("internal_error", unexpected.Code);
    }
}
