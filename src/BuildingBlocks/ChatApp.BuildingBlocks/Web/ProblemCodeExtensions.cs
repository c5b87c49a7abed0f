using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatApp.BuildingBlocks.Web;

public static class ProblemCodeExtensions
{
    /// <summary>
    /// Declares a problem response and the codes it can carry, e.g. <c>.ProducesErrors(404, MediaErrors.ImageNotFound.Code)</c>.
    /// (Not an overload of <c>ProducesProblem</c>: its second parameter is a content type, and a code would bind to it.)
    /// </summary>
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, int statusCode, params string[] codes) =>
        builder.ProducesProblem(statusCode).WithMetadata(new ProblemCodesMetadata(statusCode, codes));
}
