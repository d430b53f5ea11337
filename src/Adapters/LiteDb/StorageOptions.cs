namespace PdBot.Adapters.LiteDb;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// <c>LiteDb</c> (the default: the file at <see cref="Path"/>) or <c>PostgreSql</c> (the database at
    /// <see cref="ConnectionString"/>). A string, not the enum, so that a wrong value gets PdBot's own Russian error
    /// (<see cref="Resolve"/>) rather than the binder's.
    /// </summary>
    public string? Provider { get; set; }

    /// <summary>
    /// The PostgreSQL connection string (Storage:Provider = PostgreSql). It carries the database password, so it comes
    /// from an environment variable (<c>Storage__ConnectionString</c>), never from a committed file.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The LiteDB file; a relative path is taken from the working directory.</summary>
    public string Path { get; set; } = "data/pdbot.db";

    /// <summary>
    /// Encrypts the file (AES) when set; an unencrypted file is encrypted in place at the next start. Comes from an
    /// environment variable (<c>Storage__Password</c>), never from a committed file.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Lets the host start unencrypted in the Production environment (elsewhere it only warns).</summary>
    public bool AllowUnencrypted { get; set; }

    public bool Encrypted => !string.IsNullOrEmpty(Password);

    /// <summary>True when the data are in PostgreSQL (a valid <see cref="Provider"/> is assumed: see <see cref="Resolve"/>).</summary>
    public bool IsPostgreSql => Resolve() == StorageProvider.PostgreSql;

    /// <summary>The configured provider; a clear Russian error for an unknown one or for PostgreSql without a connection string.</summary>
    public StorageProvider Resolve()
    {
        var provider = StorageProvider.LiteDb;
        if (!string.IsNullOrWhiteSpace(Provider))
        {
            // By name only (case aside): Enum.TryParse would also take "1".
            var named = Enum.GetValues<StorageProvider>()
                .Where(p => string.Equals(p.ToString(), Provider.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count == 0)
            {
                throw new InvalidOperationException(
                    $"Storage:Provider = «{Provider}»: такого хранилища нет. Укажите LiteDb (файл базы, по умолчанию) или PostgreSql.");
            }

            provider = named[0];
        }

        if (provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException(
                "Storage:Provider = PostgreSql, но строка подключения не задана: укажите её в переменной окружения Storage__ConnectionString "
                + "(например, Host=db.example;Port=5432;Database=pdbot;Username=pdbot;Password=…).");
        }

        return provider;
    }
}
