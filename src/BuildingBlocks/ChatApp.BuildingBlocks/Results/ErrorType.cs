namespace ChatApp.BuildingBlocks.Results;

/// <summary>The kind of an expected failure; the HTTP mapper turns each kind into one status code.</summary>
public enum ErrorType
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    TooManyRequests,
    PayloadTooLarge,
    UnsupportedMediaType,

    /// <summary>The server cannot take the request now (it is shutting down): 503, try again (another instance).</summary>
    Unavailable,
    Failure,
}
