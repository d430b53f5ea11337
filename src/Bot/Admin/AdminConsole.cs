using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using PdBot.Adapters.Files;

namespace PdBot.Bot.Admin;

/// <summary>Registers and maps the admin console: cookie sign-in, roles, antiforgery, Razor Pages under /admin.</summary>
public static class AdminConsole
{
    public const string Path = "/admin";
    public const string CookieName = "pdbot.admin";

    public static IServiceCollection AddAdminConsole(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection("Admin").Get<AdminConsoleOptions>() ?? new AdminConsoleOptions();
        services.AddOptions<AdminConsoleOptions>().BindConfiguration("Admin");
        var secure = options.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Admin/Pages";
            o.Conventions.AuthorizeFolder("/", AdminPolicies.Staff);
            o.Conventions.AllowAnonymousToPage("/Login");
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = Path;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, options.SessionMinutes));
            o.SlidingExpiration = true;
            o.LoginPath = Path + "/login";
            o.LogoutPath = Path + "/logout";
            o.AccessDeniedPath = Path + "/denied";
            o.Events.OnValidatePrincipal = AdminSessionCheck.ValidateAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicies.Staff, p => p.RequireRole(AdminPolicies.StaffRoles))
            .AddPolicy(AdminPolicies.Act, p => p.RequireRole(AdminPolicies.ActRoles))
            .AddPolicy(AdminPolicies.Audit, p => p.RequireRole(AdminPolicies.AuditRoles))
            .AddPolicy(AdminPolicies.Admin, p => p.RequireRole(AdminPolicies.RoleName(PdBot.Core.Admin.AdminRole.Admin)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "pdbot.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = Path;
        });

        AddSigningKeys(services, configuration, options);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Path = Path;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });
        services.AddSingleton<AdminViews>();
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInThrottle.Policy, SignInThrottle.PerIp);
            o.OnRejected = SignInThrottle.OnRejectedAsync;
        });
        services.AddHostedService<SignInFailureBurstFlush>();
        Chat.WebChatServices.AddWebChat(services);

        // Razor would write Cyrillic as &#x...; entities; the page is UTF-8, so let it through.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    public static WebApplication MapAdminConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Path), b => b.Use(AddSecurityHeaders));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapRazorPages();
        app.MapGet(Path + "/admin.css", () => Results.Text(AdminStyles.Css, "text/css; charset=utf-8")).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Keys that sign the cookies live with the data, so sessions survive a restart and never leave the clinic's
    /// machines: beside the LiteDB file (like the database, only PdBot's user may read them), or in the shared
    /// PostgreSQL database, where every host reads the same keys.
    /// </summary>
    private static void AddSigningKeys(IServiceCollection services, IConfiguration configuration, AdminConsoleOptions options)
    {
        var protection = services.AddDataProtection().SetApplicationName("PdBot");
        if (Hosting.PdBotConfiguration.Storage(configuration).IsPostgreSql && string.IsNullOrWhiteSpace(options.KeysPath))
        {
            services.AddSingleton<PgDataProtectionKeys>();
            services.AddOptions<KeyManagementOptions>().Configure<PgDataProtectionKeys>((o, keys) => o.XmlRepository = keys);
            return;
        }

        var keys = options.KeysPath;
        if (string.IsNullOrWhiteSpace(keys))
        {
            var db = System.IO.Path.GetFullPath(configuration["Storage:Path"] ?? "data/pdbot.db");
            keys = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(db)!, "keys");
            PrivateFiles.CreateDirectory(System.IO.Path.GetDirectoryName(db)!);
        }

        PrivateFiles.CreateDirectory(keys);
        PrivateFiles.TightenFiles(keys);
        protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
    }

    /// <summary>The signed-in admin's login (the audit actor).</summary>
    public static string LoginOf(ClaimsPrincipal user) => user?.Identity?.Name ?? "";

    private static Task AddSecurityHeaders(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        h["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
        h["X-Frame-Options"] = "DENY";
        h["X-Content-Type-Options"] = "nosniff";
        h["Referrer-Policy"] = "no-referrer";

        // Pages with personal data must not stay in browser caches (antiforgery may have set it already).
        context.Response.OnStarting(() =>
        {
            if (!h.ContainsKey("Cache-Control"))
            {
                h.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next();
    }
}
