using System.Security.Cryptography;
using System.Text;
using ChatApp.BuildingBlocks.Time;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>What the client gets after signing in or refreshing.</summary>
internal sealed record TokenPair(string AccessToken, DateTime AccessTokenExpiresAt, string RefreshToken, DateTime RefreshTokenExpiresAt, Guid SessionId);
