using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Results;
using ChatApp.BuildingBlocks.Text;
using FluentValidation;
using Mediator;

namespace ChatApp.UnitTests.Text;

public sealed class TextValidationRulesTests
{
    [Theory]
    [InlineData("Ann\0", UserText.ControlCharactersCode)]
    [InlineData("Ann\nSmith", UserText.ControlCharactersCode)]
    [InlineData("Ann\u202Egnp.exe", UserText.BidiControlsCode)]
    [InlineData("Ann\u2067", UserText.BidiControlsCode)]
    [InlineData("\uFFFE", UserText.InvalidUnicodeCode)]
    public async Task A_refused_name_answers_with_the_code_of_its_rule(string name, string code)
    {
        var error = await RefusedAsync(new Probe(name, "fine"));

        Assert.Equal(code, error.Code);
        Assert.Equal(["name"], error.FieldErrors.Keys);
    }

    [Theory]
    [InlineData("text with \0 inside", UserText.ControlCharactersCode)]
    [InlineData("\u001B[2J", UserText.ControlCharactersCode)]
    public async Task Refused_text_answers_with_the_code_of_its_rule(string text, string code)
    {
        var error = await RefusedAsync(new Probe("Ann", text));

        Assert.Equal(code, error.Code);
        Assert.Equal(["text"], error.FieldErrors.Keys);
    }

    [Fact]
    public async Task An_unpaired_surrogate_answers_text_invalid_unicode()
    {
        // Built here: xUnit's theory data would replace a lone surrogate with U+FFFD on the way to the test.
        var name = await RefusedAsync(new Probe("Ann" + '\uD800', "fine"));
        var text = await RefusedAsync(new Probe("Ann", "a" + '\uDFFF'));

        Assert.Equal(UserText.InvalidUnicodeCode, name.Code);
        Assert.Equal(UserText.InvalidUnicodeCode, text.Code);
    }

    [Theory]
    [InlineData("Ann", "two\nlines\twith a tab\r\nand a carriage return")]
    [InlineData("\u200Fשרה", "\u202Bembedded right-to-left text is allowed in messages\u202C")]
    [InlineData("Zoe\u0308", "a")]
    public async Task Accepted_text_reaches_the_handler(string name, string text)
    {
        var result = await ValidateAsync(new Probe(name, text));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task Blank_and_too_long_answer_validation_failed()
    {
        var blank = await RefusedAsync(new Probe("\u200B ", "fine"));
        var tooLong = await RefusedAsync(new Probe("Ann", new string('x', 61)));

        Assert.Equal("validation_failed", blank.Code);
        Assert.Equal(["'Name' must not be blank."], blank.FieldErrors["name"]);
        Assert.Equal("validation_failed", tooLong.Code);
        Assert.Equal(["'Text' must be 60 characters or fewer."], tooLong.FieldErrors["text"]);
    }

    [Fact]
    public async Task The_length_limit_counts_the_stored_form()
    {
        var composed = await ValidateAsync(new Probe(string.Concat(Enumerable.Repeat("e\u0301", 10)), "fine")); // 20 characters, 10 in NFC
        var expanding = await RefusedAsync(new Probe("Ann", new string('\uFB2C', 21))); // 21 characters, 63 in NFC

        Assert.True(composed.IsSuccess);
        Assert.Equal("validation_failed", expanding.Code);
    }

    [Fact]
    public async Task Two_kinds_of_failure_answer_validation_failed_with_every_field()
    {
        var error = await RefusedAsync(new Probe("Ann\0", ""));

        Assert.Equal("validation_failed", error.Code);
        Assert.Equal(["name", "text"], error.FieldErrors.Keys.Order());
    }

    [Fact]
    public async Task Two_failures_of_one_kind_answer_with_that_code()
    {
        var error = await RefusedAsync(new Probe("Ann\0", "and\0"));

        Assert.Equal(UserText.ControlCharactersCode, error.Code);
        Assert.Equal(2, error.FieldErrors.Count);
    }

    [Fact]
    public async Task Optional_names_and_text_may_be_empty_or_blank_but_not_hold_controls()
    {
        var validator = new OptionalProbeValidator();

        Assert.True((await validator.ValidateAsync(new Probe("", ""))).IsValid);
        Assert.True((await validator.ValidateAsync(new Probe("  ", "   "))).IsValid);
        Assert.Equal(UserText.ControlCharactersCode, (await validator.ValidateAsync(new Probe("Ann", "\0"))).Errors.Single().ErrorCode);
        Assert.Equal(UserText.BidiControlsCode, (await validator.ValidateAsync(new Probe("\u202E", ""))).Errors.Single().ErrorCode);
    }

    private static async Task<Result> ValidateAsync(Probe probe)
    {
        var behavior = new ValidationBehavior<Probe, Result>([new ProbeValidator()]);
        return await behavior.Handle(probe, static (_, _) => ValueTask.FromResult(Result.Success()), CancellationToken.None);
    }

    private static async Task<Error> RefusedAsync(Probe probe)
    {
        var result = await ValidateAsync(probe);
        Assert.False(result.IsSuccess, "The probe was accepted.");
        return result.Error;
    }

    internal sealed record Probe(string Name, string Text) : ICommand<Result>;

    private sealed class ProbeValidator : AbstractValidator<Probe>
    {
        public ProbeValidator()
        {
            RuleFor(p => p.Name).SafeName(10);
            RuleFor(p => p.Text).SafeText(60);
        }
    }

    private sealed class OptionalProbeValidator : AbstractValidator<Probe>
    {
        public OptionalProbeValidator()
        {
            RuleFor(p => p.Name).SafeName(10, required: false);
            RuleFor(p => p.Text).SafeText(20, required: false);
        }
    }
}
