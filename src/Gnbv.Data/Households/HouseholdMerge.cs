using System.Globalization;
using Gnbv.Data.Imports;

namespace Gnbv.Data.Households;

/// <summary>What a merge did.</summary>
public sealed record MergeCounts(int Created, int Updated, int Members, int MembersRemoved, int CensusEntries);

/// <summary>
/// Checks the staged file against itself and the registry, then merges it (one SQL statement per
/// step, the same on PostgreSQL and SQLite). A household is matched by commune and code, else by a
/// member's citizen ID already in a household of that commune (the commune renumbered it); members by
/// citizen ID, else by name; members no longer listed are removed; the census entry of the year is
/// inserted or replaced.
/// </summary>
public static class HouseholdMerge
{
    /// <summary>The message for a citizen ID held outside the importer's subtree: that it is registered elsewhere, nothing more.</summary>
    public static string RegisteredElsewhere(string citizenId) =>
        $"số CCCD {HouseholdRowParser.Mask(citizenId)} đã được đăng ký ở đơn vị khác; liên hệ cấp huyện, tỉnh để xác minh (citizen ID registered elsewhere)";

    /// <param name="scopePath">The importer's subtree (the unit path its actor may read); null for everywhere
    /// (administrator, CLI). A citizen ID held by a household outside it is reported as registered
    /// elsewhere, without that household's code or commune, and counted in <paramref name="elsewhere"/>.</param>
    public static async Task<List<ImportError>> CheckAsync(RegistryStage stage, string? scopePath, List<ImportError> elsewhere, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        foreach (var r in await stage.QueryAsync("""
            SELECT code, MIN(line), MAX(line) FROM stage_h GROUP BY org_unit_id, code HAVING COUNT(*) > 1 ORDER BY 2 LIMIT 200
            """, ct))
            errors.Add(new ImportError("households", 0, Convert.ToInt32(r[2], CultureInfo.InvariantCulture), "household_code",
                $"mã hộ '{r[0]}' đã có ở dòng {r[1]}; các dòng của một hộ phải liền nhau (a household's rows must be together)"));
        foreach (var r in await stage.QueryAsync("""
            SELECT citizen_id, MIN(line), MAX(line) FROM stage_m WHERE citizen_id IS NOT NULL GROUP BY citizen_id HAVING COUNT(*) > 1 ORDER BY 2 LIMIT 200
            """, ct))
            errors.Add(new ImportError("households", 0, Convert.ToInt32(r[2], CultureInfo.InvariantCulture), "citizen_id",
                $"số CCCD {HouseholdRowParser.Mask((string)r[0]!)} trùng với dòng {r[1]} (duplicate citizen ID)"));
        if (errors.Count > 0) return errors;

        // Match: by code, then by the citizen IDs of the members.
        await stage.ExecAsync("""
            UPDATE stage_h SET target_id = h."Id", existed = true FROM households h
            WHERE h."OrgUnitId" = stage_h.org_unit_id AND h."Code" = stage_h.code
            """, ct);
        await stage.ExecAsync("""
            UPDATE stage_h SET target_id = x.hid, existed = true
            FROM (SELECT sm.org_unit_id, sm.code, MIN(m."HouseholdId") AS hid, COUNT(DISTINCT m."HouseholdId") AS n
                  FROM stage_m sm
                  JOIN household_members m ON m."CitizenId" = sm.citizen_id
                  JOIN households h ON h."Id" = m."HouseholdId" AND h."OrgUnitId" = sm.org_unit_id
                  GROUP BY sm.org_unit_id, sm.code) x
            WHERE stage_h.target_id IS NULL AND x.org_unit_id = stage_h.org_unit_id AND x.code = stage_h.code AND x.n = 1
            """, ct);
        foreach (var r in await stage.QueryAsync("""
            SELECT h."Code", MIN(s.line), MAX(s.line) FROM stage_h s JOIN households h ON h."Id" = s.target_id
            GROUP BY h."Code", s.target_id HAVING COUNT(*) > 1 ORDER BY 2 LIMIT 200
            """, ct))
            errors.Add(new ImportError("households", 0, Convert.ToInt32(r[2], CultureInfo.InvariantCulture), "household_code",
                $"hộ này và hộ ở dòng {r[1]} đều là hộ '{r[0]}' đã có (cùng mã hoặc cùng số CCCD thành viên) (two rows match one household)"));
        foreach (var r in await stage.QueryAsync("""
            SELECT sm.line, sm.citizen_id, h."Code", u."Name", u."Path"
            FROM stage_m sm
            JOIN stage_h s ON s.org_unit_id = sm.org_unit_id AND s.code = sm.code
            JOIN household_members m ON m."CitizenId" = sm.citizen_id
            JOIN households h ON h."Id" = m."HouseholdId"
            JOIN org_units u ON u."Id" = h."OrgUnitId"
            WHERE s.target_id IS DISTINCT FROM m."HouseholdId"
              AND NOT EXISTS (SELECT 1 FROM stage_h o WHERE o.target_id = m."HouseholdId")
            ORDER BY sm.line LIMIT 200
            """, ct))
        {
            var line = Convert.ToInt32(r[0], CultureInfo.InvariantCulture);
            var citizenId = (string)r[1]!;
            if (scopePath is null || ((string)r[4]!).StartsWith(scopePath, StringComparison.Ordinal))
                errors.Add(new ImportError("households", 0, line, "citizen_id",
                    $"số CCCD {HouseholdRowParser.Mask(citizenId)} đã thuộc hộ '{r[2]}' ({r[3]}); tách khỏi hộ đó trước (citizen ID belongs to another household)"));
            else
            {
                var error = new ImportError("households", 0, line, "citizen_id", RegisteredElsewhere(citizenId));
                errors.Add(error);
                elsewhere.Add(error);
            }
        }
        return errors;
    }

    /// <summary>
    /// Merges the staged file. A household listed as it is stored is left alone: its version (what an
    /// officer editing it read), its time stamp and its census entry are not touched, so re-importing
    /// an unchanged list changes nothing and counts no update. A household whose fields, members or
    /// census of the year differ is written and its version goes up once.
    /// </summary>
    public static async Task<MergeCounts> ApplyAsync(RegistryStage stage, DateTime now, CancellationToken ct)
    {
        // What differs is marked first (stage_h.changed), before the writes make it equal.
        await stage.ExecAsync("""
            UPDATE stage_h SET changed = true FROM households h
            WHERE h."Id" = stage_h.target_id AND (h."Code" IS DISTINCT FROM stage_h.code OR h."Village" IS DISTINCT FROM stage_h.village
                OR h."Area" IS DISTINCT FROM stage_h.area OR h."HeadName" IS DISTINCT FROM stage_h.head_name OR h."Ethnicity" IS DISTINCT FROM stage_h.ethnicity
                OR h."EthnicMinority" IS DISTINCT FROM stage_h.ethnic_minority OR h."PolicyGroups" IS DISTINCT FROM stage_h.policy
                OR h."PovertyCauses" IS DISTINCT FROM stage_h.causes OR h."ProvinceCode" IS DISTINCT FROM stage_h.province_code)
            """, ct);
        await stage.ExecAsync("""
            UPDATE households SET "Code" = s.code, "Village" = s.village, "Area" = s.area, "HeadName" = s.head_name,
                "Ethnicity" = s.ethnicity, "EthnicMinority" = s.ethnic_minority, "PolicyGroups" = s.policy,
                "PovertyCauses" = s.causes, "ProvinceCode" = s.province_code
            FROM stage_h s WHERE households."Id" = s.target_id AND s.changed
            """, ct);
        var existing = Convert.ToInt32((await stage.QueryAsync("SELECT COUNT(*) FROM stage_h WHERE existed", ct))[0][0], CultureInfo.InvariantCulture);
        const string insertHouseholds = """
            INSERT INTO households ("OrgUnitId", "ProvinceCode", "Code", "Village", "Area", "HeadName", "Ethnicity", "EthnicMinority", "PolicyGroups", "PovertyCauses", "Synthetic", "UpdatedAt")
            SELECT org_unit_id, province_code, code, village, area, head_name, ethnicity, ethnic_minority, policy, causes, synthetic, @now
            FROM stage_h WHERE target_id IS NULL
            """;
        int created;
        if (stage.IsPostgres)
            // The new ids come back from the insert itself, not from a second join over the registry.
            created = await stage.ExecAsync($"""
                WITH ins AS ({insertHouseholds} RETURNING "Id", "OrgUnitId", "Code")
                UPDATE stage_h SET target_id = ins."Id" FROM ins WHERE stage_h.org_unit_id = ins."OrgUnitId" AND stage_h.code = ins."Code"
                """, ct, ("now", now));
        else
        {
            created = await stage.ExecAsync(insertHouseholds, ct, ("now", now));
            if (created > 0)
                await stage.ExecAsync("""
                    UPDATE stage_h SET target_id = h."Id" FROM households h
                    WHERE stage_h.target_id IS NULL AND h."OrgUnitId" = stage_h.org_unit_id AND h."Code" = stage_h.code
                    """, ct);
        }

        // The matches changed the staged tables: fresh statistics keep the planner off nested loops over a million rows.
        await stage.ExecAsync(stage.IsPostgres ? "ANALYZE stage_h" : "ANALYZE temp.stage_h", ct);
        var removed = 0;
        if (existing > 0)
        {
            await stage.ExecAsync("""
                UPDATE stage_m SET target_member = m."Id"
                FROM stage_h s, household_members m
                WHERE s.org_unit_id = stage_m.org_unit_id AND s.code = stage_m.code AND s.existed AND m."HouseholdId" = s.target_id
                  AND (m."CitizenId" = stage_m.citizen_id OR (m."CitizenId" IS NULL AND m."Name" = stage_m.name AND m."BirthYear" IS NOT DISTINCT FROM stage_m.birth_year))
                """, ct);
            await stage.ExecAsync("CREATE INDEX stage_m_target ON stage_m (target_member)", ct);
            await stage.ExecAsync(stage.IsPostgres ? "ANALYZE stage_m" : "ANALYZE temp.stage_m", ct);
            // Two listed members matched to one registered member (same name and year, no ID): the first keeps it, the other is new.
            await stage.ExecAsync("""
                UPDATE stage_m SET target_member = NULL
                FROM (SELECT target_member, MIN(line) AS first FROM stage_m WHERE target_member IS NOT NULL
                      GROUP BY target_member HAVING COUNT(*) > 1) d
                WHERE stage_m.target_member = d.target_member AND stage_m.line > d.first
                """, ct);
            // A household changes when a member is removed, added or differs.
            await stage.ExecAsync("""
                UPDATE stage_h SET changed = true
                WHERE existed AND changed IS NOT true AND (
                    EXISTS (SELECT 1 FROM household_members m WHERE m."HouseholdId" = stage_h.target_id
                            AND NOT EXISTS (SELECT 1 FROM stage_m s WHERE s.target_member = m."Id"))
                    OR EXISTS (SELECT 1 FROM stage_m sm LEFT JOIN household_members m ON m."Id" = sm.target_member
                            WHERE sm.org_unit_id = stage_h.org_unit_id AND sm.code = stage_h.code
                              AND (m."Id" IS NULL OR m."Name" IS DISTINCT FROM sm.name OR m."BirthYear" IS DISTINCT FROM sm.birth_year
                                OR m."Sex" IS DISTINCT FROM sm.sex OR m."Relation" IS DISTINCT FROM sm.relation
                                OR m."IsHead" IS DISTINCT FROM sm.is_head OR m."CitizenId" IS DISTINCT FROM sm.citizen_id)))
                """, ct);
            removed = await stage.ExecAsync("""
                DELETE FROM household_members
                WHERE "HouseholdId" IN (SELECT target_id FROM stage_h WHERE existed)
                  AND NOT EXISTS (SELECT 1 FROM stage_m s WHERE s.target_member = household_members."Id")
                """, ct);
            // A person listed in a new place leaves the household (also in this file) that held them.
            removed += await stage.ExecAsync("""
                DELETE FROM household_members
                WHERE "CitizenId" IN (SELECT citizen_id FROM stage_m WHERE citizen_id IS NOT NULL AND target_member IS NULL)
                """, ct);
            await stage.ExecAsync("""
                UPDATE household_members SET "Name" = sm.name, "BirthYear" = sm.birth_year, "Sex" = sm.sex, "Relation" = sm.relation,
                    "IsHead" = sm.is_head, "CitizenId" = sm.citizen_id
                FROM stage_m sm WHERE household_members."Id" = sm.target_member
                  AND (household_members."Name" IS DISTINCT FROM sm.name OR household_members."BirthYear" IS DISTINCT FROM sm.birth_year
                    OR household_members."Sex" IS DISTINCT FROM sm.sex OR household_members."Relation" IS DISTINCT FROM sm.relation
                    OR household_members."IsHead" IS DISTINCT FROM sm.is_head OR household_members."CitizenId" IS DISTINCT FROM sm.citizen_id)
                """, ct);
            // Or when its census entry of the year is new or differs.
            await stage.ExecAsync("""
                UPDATE stage_h SET changed = true
                WHERE existed AND changed IS NOT true AND year IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM census_entries c WHERE c."HouseholdId" = stage_h.target_id AND c."Year" = stage_h.year
                      AND c."PovertyStandardId" = stage_h.standard_id AND c."Income" IS NOT DISTINCT FROM stage_h.income
                      AND c."ScoreA" IS NOT DISTINCT FROM stage_h.score_a AND c."DeprivedMask" = stage_h.mask
                      AND c."ScoreB" IS NOT DISTINCT FROM stage_h.score_b AND c."Status" = stage_h.status
                      AND c."MemberCount" = stage_h.member_count AND c."ExpectedEscape" = stage_h.expected_escape
                      AND c."SupportPlan" IS NOT DISTINCT FROM stage_h.plan)
                """, ct);
        }
        var members = await stage.ExecAsync("""
            INSERT INTO household_members ("HouseholdId", "ProvinceCode", "Name", "BirthYear", "Sex", "Relation", "IsHead", "CitizenId")
            SELECT s.target_id, s.province_code, sm.name, sm.birth_year, sm.sex, sm.relation, sm.is_head, sm.citizen_id
            FROM stage_m sm JOIN stage_h s ON s.org_unit_id = sm.org_unit_id AND s.code = sm.code
            WHERE sm.target_member IS NULL
            """, ct);
        // A census entry as stored is not rewritten (an identical row is no change).
        var census = await stage.ExecAsync("""
            INSERT INTO census_entries ("HouseholdId", "ProvinceCode", "Year", "PovertyStandardId", "Income", "ScoreA", "DeprivedMask", "ScoreB", "Status", "MemberCount", "ExpectedEscape", "SupportPlan")
            SELECT target_id, province_code, year, standard_id, income, score_a, mask, score_b, status, member_count, expected_escape, plan
            FROM stage_h WHERE year IS NOT NULL AND (target_id IS NULL OR existed IS NOT true OR changed)
            ON CONFLICT ("HouseholdId", "Year") DO UPDATE SET "PovertyStandardId" = excluded."PovertyStandardId", "Income" = excluded."Income",
                "ScoreA" = excluded."ScoreA", "DeprivedMask" = excluded."DeprivedMask", "ScoreB" = excluded."ScoreB", "Status" = excluded."Status",
                "MemberCount" = excluded."MemberCount", "ExpectedEscape" = excluded."ExpectedEscape", "SupportPlan" = excluded."SupportPlan"
            """, ct);
        var updated = await stage.ExecAsync("""
            UPDATE households SET "UpdatedAt" = @now, "Version" = households."Version" + 1
            FROM stage_h s WHERE households."Id" = s.target_id AND s.existed AND s.changed
            """, ct, ("now", now));
        return new MergeCounts(created, updated, members, removed, census);
    }
}
