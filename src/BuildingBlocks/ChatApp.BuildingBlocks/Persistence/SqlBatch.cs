using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>
/// Builds one command of hand-written statements over one entity's table, for hot paths where EF's statement per row
/// (or round trip per statement) costs too much. Table and column names come from the model (so module prefixes apply)
/// and every value becomes a parameter typed and converted by its property's own mapping, so the provider stores
/// exactly what EF would. Runs in the context's current transaction.
/// </summary>
public sealed class SqlBatch<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly DbContext _db;
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;
    private readonly ISqlGenerationHelper _sql;
    private readonly DbCommand _parameterFactory;
    private readonly List<DbParameter> _parameters = [];

    public SqlBatch(DbContext db)
    {
        _db = db;
        _entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        _table = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
        _sql = db.GetService<ISqlGenerationHelper>();
        _parameterFactory = db.Database.GetDbConnection().CreateCommand();
        Table = _sql.DelimitIdentifier(_table.Name, _table.Schema);
    }

    public StringBuilder Text { get; } = new();

    /// <summary>The delimited table name.</summary>
    public string Table { get; }

    public int ParameterCount => _parameters.Count;

    public IReadOnlyList<IProperty> Properties => _entity.GetProperties().Where(p => !p.IsShadowProperty()).ToList();

    public string Column(string property) => _sql.DelimitIdentifier(Property(property).GetColumnName(_table)!);

    public string Column(IProperty property) => _sql.DelimitIdentifier(property.GetColumnName(_table)!);

    /// <summary>Adds a parameter holding <paramref name="value"/> as the property stores it; returns its placeholder.</summary>
    public string Value(string property, object? value) => Value(Property(property), value);

    public string Value(IProperty property, object? value)
    {
        var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(property.GetRelationalTypeMapping().CreateParameter(_parameterFactory, name, value, property.IsNullable));
        return "{" + (_parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (Text.Length == 0)
        {
            return 0;
        }

        var affected = await _db.Database.ExecuteSqlRawAsync(Text.ToString(), _parameters, cancellationToken);
        Text.Clear();
        _parameters.Clear();
        return affected;
    }

    /// <summary>
    /// The table's rows that match the condition written in <see cref="Text"/> (with its parameters), not tracked, for
    /// lookups EF would translate poorly (for example a list of composite keys, which it can only express as two
    /// independent IN lists that the database cannot turn into point lookups).
    /// </summary>
    /// <param name="statementPrefix">Written before <c>SELECT</c>, for example MariaDB's <c>SET STATEMENT ... FOR</c>.</param>
    public IQueryable<TEntity> Where(string statementPrefix = "")
    {
        // Names come from the model and every value is a parameter: nothing user-supplied is in the text.
        var sql = statementPrefix + "SELECT * FROM " + Table + " WHERE " + Text;
        var query = _db.Set<TEntity>().FromSqlRaw(sql, [.. _parameters]).AsNoTracking();
        Text.Clear();
        _parameters.Clear();
        return query;
    }

    public ValueTask DisposeAsync() => _parameterFactory.DisposeAsync();

    private IProperty Property(string name) => _entity.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{name} is not mapped.");
}
