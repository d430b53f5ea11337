using System.Runtime.InteropServices;

namespace PdBot.Adapters.Files;

/// <summary>
/// Files only PdBot's own user may read: the database, its log and lock, the cookie keys, backups. Created 0600 in
/// directories 0700 whatever the umask; a directory others may write to is refused, since whoever can write there
/// can swap the files.
/// </summary>
public static partial class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>
    /// Makes every file and directory this process creates from now on private (umask 077). Libraries create their
    /// files with the default mode (LiteDB's log appears at the first write after a checkpoint, DataProtection writes a
    /// key when one expires): only the umask reaches those.
    /// </summary>
    public static void RestrictProcessUmask()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(0b000_111_111);
        }
    }

    /// <summary>
    /// Creates the directory 0700 (with any missing parents), or tightens an existing one to 0700.
    /// </summary>
    /// <exception cref="InvalidOperationException">The directory exists and its group or everyone may write to it.</exception>
    public static void CreateDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        path = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, DirectoryMode);
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & WritableByOthers) != 0)
        {
            throw new InvalidOperationException(
                $"Каталог данных {path} доступен на запись группе или всем (режим {Octal(mode)}): выполните chmod 700 {path}");
        }

        TightenTo(path, mode, DirectoryMode);
    }

    /// <summary>
    /// The directory a backup is written to: like <see cref="CreateDirectory"/>, but a shared directory with the sticky
    /// bit (/tmp) is accepted as it is, since there nobody else may rename or delete our files; the copy itself is
    /// created 0600 with <see cref="CreateNew"/>, so nothing planted there beforehand is written through.
    /// </summary>
    public static void CreateOutputDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        path = Path.GetFullPath(path);
        if (!OperatingSystem.IsWindows() && Directory.Exists(path) && (File.GetUnixFileMode(path) & UnixFileMode.StickyBit) != 0)
        {
            return;
        }

        CreateDirectory(path);
    }

    /// <summary>Creates a new file 0600 for reading and writing; fails when the path exists (a file or a link).</summary>
    public static FileStream CreateNew(string path, FileShare share)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = share, BufferSize = 1 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }

    /// <summary>Makes an existing file 0600 (one written by an older version or under another umask).</summary>
    public static void Tighten(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            TightenTo(path, File.GetUnixFileMode(path), FileMode);
        }
    }

    /// <summary>Makes every file directly in the directory 0600.</summary>
    public static void TightenFiles(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                Tighten(file);
            }
        }
    }

    /// <summary>Opens (creating 0600 when missing) a file for reading and writing.</summary>
    public static FileStream Open(string path, FileShare share)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = share, BufferSize = 1 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        var stream = new FileStream(path, options);
        Tighten(path);
        return stream;
    }

    /// <summary>The mode as chmod writes it: 0755.</summary>
    public static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0b111_111_111, 8).PadLeft(3, '0');

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void TightenTo(string path, UnixFileMode mode, UnixFileMode wanted)
    {
        if ((mode & ~wanted & (UnixFileMode)0b000_111_111) == 0)
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, mode & wanted);
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to change (another user's file we may still read); the directory check above is what guards it.
        }
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);
}
