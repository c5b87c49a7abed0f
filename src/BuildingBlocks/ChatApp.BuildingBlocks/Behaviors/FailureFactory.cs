using System.Reflection;
using ChatApp.BuildingBlocks.Results;
using FluentValidation;
using FluentValidation.Results;

namespace ChatApp.BuildingBlocks.Behaviors;

/// <summary>Builds a failed <see cref="Result"/> or <see cref="Result{T}"/> for a handler's response type.</summary>
internal static class FailureFactory<TResponse>
{
    private static readonly Func<Error, TResponse> Factory = Build();

    public static TResponse Create(Error error) => Factory(error);

    private static Func<Error, TResponse> Build()
    {
        var type = typeof(TResponse);
        if (type == typeof(Result))
        {
            return error => (TResponse)(object)Result.Failure(error);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Result<>))
        {
            var method = type.GetMethod(nameof(Result.Failure), BindingFlags.Public | BindingFlags.Static, [typeof(Error)])!;
            var typed = method.CreateDelegate<Func<Error, TResponse>>();
            return typed;
        }

        // A request that does not return a Result cannot carry the failure as a value: the exception handler maps this to 400.
        return error => throw new ValidationException(
            error.Message,
            error.FieldErrors.SelectMany(kv => kv.Value.Select(message => new ValidationFailure(kv.Key, message))));
    }
}
