using System.CommandLine;
using Gnbv.Data.Users;
using Gnbv.Domain.Users;
using Microsoft.EntityFrameworkCore;

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

        var list = new Command("list", "Danh sách người dùng");
        list.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var db = cli.Db;
            foreach (var u in await db.Users.AsNoTracking().Include(u => u.OrgUnit).OrderBy(u => u.UserName).ToListAsync(ct))
                await io.Out.WriteLineAsync($"{u.UserName}\t{await cli.Get<UserAdmin>().RoleOfAsync(u.Id, ct)}\t{u.OrgUnit?.Code}\t{u.FullName}");
            return 0;
        });

        var tokenUser = new Option<string>("--user") { Description = "Tên đăng nhập", Required = true };
        var tokenName = new Option<string?>("--name") { Description = "Tên gợi nhớ của token" };
        var days = new Option<int?>("--days") { Description = "Số ngày hiệu lực; bỏ trống: không hết hạn" };
        var create = new Command("create", "Tạo token truy cập API; in ra một lần, chỉ lưu mã băm") { tokenUser, tokenName, days };
        create.SetAction(async (parse, ct) =>
        {
            await using var cli = await options.OpenAsync(parse, ct);
            var (token, secret) = await cli.Get<ApiTokens>().CreateAsync(parse.GetValue(tokenUser)!, parse.GetValue(tokenName) ?? "api", parse.GetValue(days), ct);
            await io.Out.WriteLineAsync(secret);
            await io.Err.WriteLineAsync($"Token '{token.Name}' của {parse.GetValue(tokenUser)}: lưu lại ngay, sẽ không hiện lại. Dùng: Authorization: Bearer <token>");
            return 0;
        });
        var token = new Command("token", "Token truy cập API (personal access tokens)");
        token.Subcommands.Add(create);

        var command = new Command("users", "Người dùng (users)");
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(token);
        return command;
    }
}
