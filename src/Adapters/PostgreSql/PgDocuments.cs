using LiteDB;
using PdBot.Adapters.LiteDb;

namespace PdBot.Adapters.PostgreSql;

/// <summary>
/// Objects as JSON documents (column <c>doc jsonb</c>), mapped exactly as the LiteDB store maps them (same mapper), so
/// a LiteDB document copies across unchanged and both stores read back the same objects. The columns a query filters
/// or sorts on are kept beside the document in plain typed columns.
/// </summary>
public static class PgDocuments
{
    private static readonly BsonMapper Mapper = LiteDbStorage.CreateMapper();

    public static string ToJson<T>(T entity) => JsonSerializer.Serialize(Mapper.ToDocument(entity));

    public static string ToJson(BsonDocument document) => JsonSerializer.Serialize(document);

    public static T FromJson<T>(string json) => Mapper.ToObject<T>(JsonSerializer.Deserialize(json).AsDocument);

    public static BsonDocument ToDocument<T>(T entity) => Mapper.ToDocument(entity);

    public static T FromDocument<T>(BsonDocument document) => Mapper.ToObject<T>(document);
}
