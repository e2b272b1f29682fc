using System.CommandLine;
using Gnbv.Data.Users;
using Gnbv.Domain.Users;

namespace Gnbv.Cli.Commands;

public static class UserCommands
{
    public static Command Create(GlobalOptions options, CliIo io)
    {
        var user = new Option<string>("--user") { Description = "Tên đăng nhập (user name)", Required = true };
        var role = new Option<string>("--role") { Description = string.Join(" | ", Roles.All), Required = true };
        role.AcceptOnlyFromAmong(Roles.All);
        var unit = new Option<string?>("--unit") { Description = "Mã hoặc tên đơn vị của người dùng" };
        var name = new Option<string?>("--name") { Description = "Họ tên" };
        var password = new Option<string?>("--password") { Description = "Mật khẩu (ít nhất 10 ký tự); bỏ trống để sinh ngẫu nhiên và in ra một lần" };
        var add = new Command("add", "Thêm người dùng (add a user)") { user, role, unit, name, password };
        add.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var given = parse.GetValue(password);
            var secret = string.IsNullOrEmpty(given) ? UserAdmin.GeneratePassword() : given;
            var created = await cli.Get<UserAdmin>().CreateAsync(parse.GetValue(user)!, parse.GetValue(name) ?? parse.GetValue(user)!,
                parse.GetValue(role)!, parse.GetValue(unit), secret, ct);
            await io.Out.WriteLineAsync($"Đã thêm {created.UserName} ({parse.GetValue(role)}).");
            if (string.IsNullOrEmpty(given)) await io.Out.WriteLineAsync($"Mật khẩu (chỉ hiện một lần): {secret}");
            return 0;
        });

        var list = new Command("list", "Danh sách người dùng: vai trò, đơn vị, trạng thái (khóa, tạm dừng đăng nhập), số token còn hiệu lực");
        list.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            await io.Out.WriteLineAsync("user\trole\tunit\tstatus\ttokens\tname");
            foreach (var u in await cli.Get<UserAdmin>().ListAsync(ct))
            {
                var status = u.DisabledAt is { } at ? "disabled " + Time(at)
                    : u.LockedUntil is { } until ? "sign-in locked until " + Time(until.UtcDateTime) : "active";
                await io.Out.WriteLineAsync($"{u.UserName}\t{u.Role}\t{u.Unit}\t{status}\t{u.ActiveTokens}\t{u.FullName}");
            }
            return 0;
        });

        var disable = new Command("disable", "Khóa tài khoản: không đăng nhập được, mọi phiên kết thúc, mọi token bị thu hồi") { User(), Reason() };
        disable.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var name = parse.GetValue<string>("--user")!;
            var changed = await cli.Get<UserAdmin>().DisableAsync(name, cli.Db.Actor, parse.GetValue<string?>("--reason"), ct);
            await io.Out.WriteLineAsync(changed ? $"Đã khóa {name}: phiên đăng nhập và token của người này hết hiệu lực." : $"{name} đã bị khóa từ trước; không thay đổi gì.");
            return 0;
        });

        var enable = new Command("enable", "Mở khóa tài khoản (token đã thu hồi không hiệu lực lại)") { User(), Reason() };
        enable.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var name = parse.GetValue<string>("--user")!;
            var changed = await cli.Get<UserAdmin>().EnableAsync(name, cli.Db.Actor, parse.GetValue<string?>("--reason"), ct);
            await io.Out.WriteLineAsync(changed ? $"Đã mở khóa {name}." : $"{name} không bị khóa; không thay đổi gì.");
            return 0;
        });

        var newRole = new Option<string>("--role") { Description = string.Join(" | ", Roles.All), Required = true };
        newRole.AcceptOnlyFromAmong(Roles.All);
        var newUnit = new Option<string?>("--unit") { Description = "Đơn vị mới (mã hoặc tên); bỏ trống: giữ đơn vị hiện tại" };
        var roleCommand = new Command("role", "Đổi vai trò (và đơn vị) của người dùng; các phiên đăng nhập kết thúc để quyền mới áp dụng ngay") { User(), newRole, newUnit, Reason() };
        roleCommand.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var name = parse.GetValue<string>("--user")!;
            await cli.Get<UserAdmin>().ChangeRoleAsync(name, parse.GetValue(newRole)!, parse.GetValue(newUnit), cli.Db.Actor, parse.GetValue<string?>("--reason"), ct);
            var now = (await cli.Get<UserAdmin>().ListAsync(ct, name)).Single();
            await io.Out.WriteLineAsync($"{now.UserName}: {now.Role}, đơn vị {now.Unit ?? "(không)"}.");
            return 0;
        });

        var newPassword = new Option<string?>("--password") { Description = "Mật khẩu mới (ít nhất 10 ký tự); bỏ trống để sinh ngẫu nhiên và in ra một lần" };
        var reset = new Command("reset-password", "Đặt lại mật khẩu; bỏ tạm dừng đăng nhập và kết thúc các phiên của người dùng") { User(), newPassword, Reason() };
        reset.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var name = parse.GetValue<string>("--user")!;
            var given = parse.GetValue(newPassword);
            var password = await cli.Get<UserAdmin>().ResetPasswordAsync(name, given, cli.Db.Actor, parse.GetValue<string?>("--reason"), ct);
            await io.Out.WriteLineAsync($"Đã đặt lại mật khẩu của {name}.");
            if (string.IsNullOrEmpty(given)) await io.Out.WriteLineAsync($"Mật khẩu (chỉ hiện một lần): {password}");
            return 0;
        });

        var tokens = new Command("tokens", "Token truy cập API của người dùng: mã số, phần đầu, tên, tạo, hết hạn, dùng lần cuối, thu hồi") { User() };
        tokens.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var now = io.Clock.GetUtcNow().UtcDateTime;
            await io.Out.WriteLineAsync("id\tprefix\tname\tcreated\texpires\tlastUsed\tstatus");
            foreach (var t in await cli.Get<ApiTokens>().ListAsync(parse.GetValue<string>("--user")!, ct))
            {
                var status = t.RevokedAt is { } r ? "revoked " + Time(r) : t.ActiveAt(now) ? "active" : "expired";
                await io.Out.WriteLineAsync($"{t.Id}\t{t.Prefix}\t{t.Name}\t{Time(t.CreatedAt)}\t{(t.ExpiresAt is { } e ? Time(e) : "")}\t{(t.LastUsedAt is { } l ? Time(l) : "")}\t{status}");
            }
            return 0;
        });

        var which = new Option<string?>("--token") { Description = "Mã số hoặc phần đầu của token (xem gnbv users tokens)" };
        var all = new Option<bool>("--all") { Description = "Thu hồi mọi token còn hiệu lực của người dùng" };
        var revoke = new Command("revoke", "Thu hồi token truy cập API (một token với --token, hoặc tất cả với --all)") { User(), which, all, Reason() };
        revoke.Validators.Add(result =>
        {
            if ((result.GetValue(which) is null) == !result.GetValue(all))
                result.AddError("Chọn đúng một trong --token hoặc --all (give --token or --all)");
        });
        revoke.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var name = parse.GetValue<string>("--user")!;
            var count = await cli.Get<ApiTokens>().RevokeAsync(name, parse.GetValue(which), cli.Db.Actor, parse.GetValue<string?>("--reason"), ct);
            await io.Out.WriteLineAsync($"Đã thu hồi {count} token của {name}.");
            return 0;
        });

        var tokenUser = new Option<string>("--user") { Description = "Tên đăng nhập", Required = true };
        var tokenName = new Option<string?>("--name") { Description = "Tên gợi nhớ của token" };
        var days = new Option<int?>("--days") { Description = $"Số ngày hiệu lực, 1 đến {ApiTokens.MaxDays}; bỏ trống: {ApiTokens.DefaultDays} ngày" };
        var create = new Command("create", "Tạo token truy cập API; in ra một lần, chỉ lưu mã băm") { tokenUser, tokenName, days };
        create.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var (token, secret) = await cli.Get<ApiTokens>().CreateAsync(parse.GetValue(tokenUser)!, parse.GetValue(tokenName) ?? "api", parse.GetValue(days), ct);
            await io.Out.WriteLineAsync(secret);
            await io.Err.WriteLineAsync($"Token '{token.Name}' của {parse.GetValue(tokenUser)}, hết hạn {Time(token.ExpiresAt!.Value)}: lưu lại ngay, sẽ không hiện lại. Dùng: Authorization: Bearer <token>");
            return 0;
        });
        var token = new Command("token", "Token truy cập API (personal access tokens)");
        token.Subcommands.Add(create);

        var command = new Command("users", "Người dùng (users)");
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(disable);
        command.Subcommands.Add(enable);
        command.Subcommands.Add(roleCommand);
        command.Subcommands.Add(reset);
        command.Subcommands.Add(tokens);
        command.Subcommands.Add(revoke);
        command.Subcommands.Add(token);
        return command;
    }

    private static Option<string> User() => new("--user") { Description = "Tên đăng nhập (user name)", Required = true };

    private static Option<string?> Reason() => new("--reason") { Description = "Lý do, ghi vào nhật ký" };

    /// <summary>An instant in Vietnam time, as the audit export writes it.</summary>
    private static string Time(DateTime utc) =>
        Gnbv.Domain.Time.VietnamClock.ToVietnamTime(utc).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
