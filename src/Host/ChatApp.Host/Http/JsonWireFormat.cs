using System.Text.Json.Serialization;

namespace ChatApp.Host.Http;

/// <summary>
/// The JSON of the REST API: numbers are numbers. The web defaults also accept (and the OpenAPI document then
/// advertises) numbers written as strings, which generated clients turn into <c>integer | string</c> unions; a number
/// sent as a string is now a 400 <c>bad_request</c> (ADR 0025, part B).
/// </summary>
internal static class JsonWireFormat
{
    public static IServiceCollection AddJsonWireFormat(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
}
