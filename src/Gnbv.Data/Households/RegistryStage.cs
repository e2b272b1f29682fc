using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Gnbv.Data.Households;

/// <summary>
/// Temporary tables a household file is loaded into before it is checked and merged in SQL: binary
/// COPY on PostgreSQL, prepared inserts on SQLite, in batches, inside the import's transaction.
/// </summary>
public abstract class RegistryStage(DbConnection connection, DbTransaction transaction)
{
    public const int BatchSize = 5000;
    protected readonly DbConnection Connection = connection;
    protected readonly DbTransaction Transaction = transaction;
    readonly List<ParsedHousehold> pending = [];

    public bool IsPostgres => Connection is NpgsqlConnection;

    public static RegistryStage Create(DbConnection connection, DbTransaction transaction) =>
        connection is NpgsqlConnection ? new PostgresStage(connection, transaction) : new SqliteStage(connection, transaction);

    public async Task CreateAsync(CancellationToken ct)
    {
        var temp = IsPostgres ? "CREATE TEMP TABLE {0} ({1}) ON COMMIT DROP" : "CREATE TEMP TABLE {0} ({1})";
        if (!IsPostgres)
        {
            await ExecAsync("DROP TABLE IF EXISTS temp.stage_h", ct);
            await ExecAsync("DROP TABLE IF EXISTS temp.stage_m", ct);
        }
        // Hash joins and aggregates over a million staged rows stay in memory instead of spilling (for this transaction only).
        if (IsPostgres) await ExecAsync("SET LOCAL work_mem = '64MB'", ct);
        var b = IsPostgres ? "boolean" : "integer";
        await ExecAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, temp, "stage_h",
            $"line integer, org_unit_id integer, province_code text, code text, village text, area integer, head_name text, ethnicity text, ethnic_minority {b}, policy text, causes text, synthetic {b}, year integer, standard_id integer, income bigint, score_a integer, mask integer, score_b integer, status integer, member_count integer, expected_escape {b}, plan text, target_id bigint, existed {b}, changed {b}"), ct);
        await ExecAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, temp, "stage_m",
            $"line integer, org_unit_id integer, code text, name text, birth_year integer, sex integer, relation text, is_head {b}, citizen_id text, target_member bigint"), ct);
    }

    public async Task AddAsync(ParsedHousehold household, bool synthetic, CancellationToken ct)
    {
        household.Synthetic |= synthetic;
        pending.Add(household);
        if (pending.Count >= BatchSize) await FlushAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (pending.Count == 0) return;
        await WriteBatchAsync(pending, ct);
        pending.Clear();
    }

    /// <summary>Indexes for the merge's joins, built once the tables are full.</summary>
    public async Task IndexAsync(CancellationToken ct)
    {
        await ExecAsync("CREATE INDEX stage_h_key ON stage_h (org_unit_id, code)", ct);
        await ExecAsync("CREATE INDEX stage_m_key ON stage_m (org_unit_id, code)", ct);
        await ExecAsync("CREATE INDEX stage_m_citizen ON stage_m (citizen_id)", ct);
        await ExecAsync(IsPostgres ? "ANALYZE stage_h; ANALYZE stage_m" : "ANALYZE temp.stage_h", ct);
    }

    /// <summary>
    /// Two imports of the same commune's list run one after the other: on PostgreSQL a transaction
    /// lock per staged commune (taken in order, so no deadlock), and the later import matches the
    /// households the first one created instead of inserting them again. SQLite transactions
    /// (BEGIN IMMEDIATE) already admit one writer at a time.
    /// </summary>
    public async Task LockCommunesAsync(CancellationToken ct)
    {
        if (IsPostgres)
            await QueryAsync("SELECT pg_advisory_xact_lock(8008, c) FROM (SELECT DISTINCT org_unit_id AS c FROM stage_h ORDER BY 1) x", ct);
    }

    protected abstract Task WriteBatchAsync(IReadOnlyList<ParsedHousehold> batch, CancellationToken ct);

    public async Task<int> ExecAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<List<object?[]>> QueryAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = Transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    sealed class PostgresStage(DbConnection connection, DbTransaction transaction) : RegistryStage(connection, transaction)
    {
        protected override async Task WriteBatchAsync(IReadOnlyList<ParsedHousehold> batch, CancellationToken ct)
        {
            var pg = (NpgsqlConnection)Connection;
            await using (var w = await pg.BeginBinaryImportAsync(
                "COPY stage_h (line, org_unit_id, province_code, code, village, area, head_name, ethnicity, ethnic_minority, policy, causes, synthetic, year, standard_id, income, score_a, mask, score_b, status, member_count, expected_escape, plan) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var h in batch)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(h.Line, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(h.Commune.Id, NpgsqlDbType.Integer, ct);
                    await Nullable(w, h.Commune.ProvinceCode, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(h.Code, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(h.Village, NpgsqlDbType.Text, ct);
                    await w.WriteAsync((int)h.Area, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(h.HeadName, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(h.Ethnicity, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(h.EthnicMinority, NpgsqlDbType.Boolean, ct);
                    await w.WriteAsync(h.PolicyGroups, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(h.PovertyCauses, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(h.Synthetic, NpgsqlDbType.Boolean, ct);
                    await Nullable(w, h.Classification is null ? null : h.Year, NpgsqlDbType.Integer, ct);
                    await Nullable(w, h.Standard?.Id, NpgsqlDbType.Integer, ct);
                    await Nullable(w, h.Income, NpgsqlDbType.Bigint, ct);
                    await Nullable(w, h.ScoreA, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(h.DeprivedMask, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(h.Classification?.ScoreB ?? 0, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync((int)(h.Classification?.Status ?? 0), NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(h.Members.Count, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(h.ExpectedEscape, NpgsqlDbType.Boolean, ct);
                    await Nullable(w, h.SupportPlan, NpgsqlDbType.Text, ct);
                }
                await w.CompleteAsync(ct);
            }
            await using (var w = await pg.BeginBinaryImportAsync(
                "COPY stage_m (line, org_unit_id, code, name, birth_year, sex, relation, is_head, citizen_id) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var h in batch)
                    foreach (var m in h.Members)
                    {
                        await w.StartRowAsync(ct);
                        await w.WriteAsync(m.Line, NpgsqlDbType.Integer, ct);
                        await w.WriteAsync(h.Commune.Id, NpgsqlDbType.Integer, ct);
                        await w.WriteAsync(h.Code, NpgsqlDbType.Text, ct);
                        await w.WriteAsync(m.Name, NpgsqlDbType.Text, ct);
                        await Nullable(w, m.BirthYear, NpgsqlDbType.Integer, ct);
                        await w.WriteAsync((int)m.Sex, NpgsqlDbType.Integer, ct);
                        await w.WriteAsync(m.Relation, NpgsqlDbType.Text, ct);
                        await w.WriteAsync(m.IsHead, NpgsqlDbType.Boolean, ct);
                        await Nullable(w, m.CitizenId, NpgsqlDbType.Text, ct);
                    }
                await w.CompleteAsync(ct);
            }
        }

        static Task Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type, CancellationToken ct) =>
            value is null ? w.WriteNullAsync(ct) : w.WriteAsync(value, type, ct);
    }

    sealed class SqliteStage(DbConnection connection, DbTransaction transaction) : RegistryStage(connection, transaction)
    {
        SqliteCommand? insertH, insertM;

        protected override async Task WriteBatchAsync(IReadOnlyList<ParsedHousehold> batch, CancellationToken ct)
        {
            insertH ??= Prepare("INSERT INTO stage_h (line, org_unit_id, province_code, code, village, area, head_name, ethnicity, ethnic_minority, policy, causes, synthetic, year, standard_id, income, score_a, mask, score_b, status, member_count, expected_escape, plan) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)", 22);
            insertM ??= Prepare("INSERT INTO stage_m (line, org_unit_id, code, name, birth_year, sex, relation, is_head, citizen_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)", 9);
            foreach (var h in batch)
            {
                Set(insertH, h.Line, h.Commune.Id, h.Commune.ProvinceCode, h.Code, h.Village, (int)h.Area, h.HeadName, h.Ethnicity, h.EthnicMinority, h.PolicyGroups,
                    h.PovertyCauses, h.Synthetic, h.Classification is null ? null : h.Year, h.Standard?.Id, h.Income, h.ScoreA, h.DeprivedMask, h.Classification?.ScoreB ?? 0,
                    (int)(h.Classification?.Status ?? 0), h.Members.Count, h.ExpectedEscape, h.SupportPlan);
                await insertH.ExecuteNonQueryAsync(ct);
                foreach (var m in h.Members)
                {
                    Set(insertM, m.Line, h.Commune.Id, h.Code, m.Name, m.BirthYear, (int)m.Sex, m.Relation, m.IsHead, m.CitizenId);
                    await insertM.ExecuteNonQueryAsync(ct);
                }
            }
        }

        SqliteCommand Prepare(string sql, int count)
        {
            var cmd = (SqliteCommand)Connection.CreateCommand();
            cmd.Transaction = (SqliteTransaction)Transaction;
            cmd.CommandText = sql;
            for (var i = 1; i <= count; i++) cmd.Parameters.Add(new SqliteParameter("$" + i, null));
            return cmd;
        }

        static void Set(SqliteCommand cmd, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
