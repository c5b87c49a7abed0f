using ChatApp.BuildingBlocks.Results;
using FluentValidation;
using Mediator;

namespace ChatApp.BuildingBlocks.Behaviors;

/// <summary>
/// Runs every FluentValidation validator of the message. Failures become a validation <see cref="Error"/> listing
/// each field, returned as the handler's <see cref="Result"/> without calling the handler. The error's code is
/// <c>validation_failed</c>, or the code a rule gave its failure (<c>WithErrorCode("text.control_characters")</c>: a
/// ChatApp code has a dot, FluentValidation's own codes never do) when every failure carries that same code.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private const string ValidationFailedCode = "validation_failed";

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        Dictionary<string, List<string>>? fields = null;
        string? code = null;
        foreach (var validator in validators)
        {
            var outcome = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in outcome.Errors)
            {
                fields ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
                var key = JsonFieldName(failure.PropertyName);
                if (!fields.TryGetValue(key, out var messages))
                {
                    fields[key] = messages = [];
                }

                messages.Add(failure.ErrorMessage);
                var failureCode = IsOwnCode(failure.ErrorCode) ? failure.ErrorCode : ValidationFailedCode;
                code = code is null || code == failureCode ? failureCode : ValidationFailedCode;
            }
        }

        if (fields is null)
        {
            return await next(message, cancellationToken);
        }

        var error = Error.Validation(
            code ?? ValidationFailedCode,
            "One or more validation errors occurred.",
            fields.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
        return FailureFactory<TResponse>.Create(error);
    }

    private static bool IsOwnCode(string? code) => code is not null && code.Contains('.', StringComparison.Ordinal);

    /// <summary>Field names in errors match the JSON body the client sent (camelCase).</summary>
    internal static string JsonFieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
