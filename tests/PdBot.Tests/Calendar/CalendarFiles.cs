namespace PdBot.Tests.Calendar;

/// <summary>Override files for <c>Calendar:File</c>. The "decrees" in them are made up for the tests.</summary>
internal static class CalendarFiles
{
    /// <summary>
    /// A made-up 2027 decree: Sat 2 Jan → Fri 5 Nov, Sun 3 Jan → Fri 31 Dec, and Sat 13 Nov working
    /// in exchange for Mon 8 Nov. Everything else as in Labour Code Art. 112.
    /// </summary>
    public const string Confirmed2027 = """
        {
          // comments are allowed: operators annotate the decree
          "years": [
            {
              "year": 2027,
              "provisional": false,
              "source": "Test Decree No. 0 (made up)",
              "holidays": [
                "2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08",
                "2027-02-23", "2027-03-08", "2027-05-03", "2027-05-10", "2027-06-14",
                "2027-11-04", "2027-11-05", "2027-11-08", "2027-12-31"
              ],
              "workingDays": ["2027-11-13"]
            }
          ]
        }
        """;

    /// <summary>A bare 2027 (only 1 Jan) and a provisional 2028 with 1–7 Jan (Mon 3 Jan – Fri 7 Jan are weekdays).</summary>
    public const string Bare2027And2028 = """
        {
          "years": [
            { "year": 2027, "provisional": true, "source": "Test: New Year's Day only", "holidays": ["2027-01-01"] },
            {
              "year": 2028,
              "provisional": true,
              "source": "Test: Labour Code Art. 112 (January only)",
              "holidays": ["2028-01-03", "2028-01-04", "2028-01-05", "2028-01-06", "2028-01-07"],
              "workingDays": []
            }
          ]
        }
        """;

    public static string Write(TempFolder folder, string json, string name = "calendar.json")
    {
        Directory.CreateDirectory(folder.Path);
        var path = folder.File(name);
        File.WriteAllText(path, json);
        return path;
    }
}
