/**
 * Admin CLI for the first user and for recovery, run on the server:
 *   npm run admin -- user list
 *   npm run admin -- user add <username> --role <admin|supervisor|staff|viewer> [--name "Họ tên"] [--unit <unit code>]
 *   npm run admin -- user passwd <username>
 * The password is read from HAILONG_PASSWORD, else prompted for (hidden) on a terminal, else taken
 * from the first line of standard input; it never appears in the argument list (shell history, ps).
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { CreateUserRequest, Password, Username } from '@hailong/contracts';
import { ROLE_LABELS } from '@hailong/domain';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { systemClock } from '../jobs/clock.ts';
import { createUsersService } from '../auth/users.service.ts';
import { ApiError } from '../http/errors.ts';

const USAGE = `Usage:
  npm run admin -- user list
  npm run admin -- user add <username> --role <admin|supervisor|staff|viewer> [--name "Họ tên"] [--unit <unit code>]
  npm run admin -- user passwd <username>
Password: from HAILONG_PASSWORD, a hidden prompt, or the first line of standard input.`;

async function readPassword(prompt: string): Promise<string> {
  const fromEnv = process.env.HAILONG_PASSWORD;
  if (fromEnv) return fromEnv;
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  if (process.stdin.isTTY) {
    process.stdout.write(prompt);
    // Hide typed characters: readline echoes through _writeToOutput.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const line = await new Promise<string>((resolve) =>
    rl.once('line', resolve).once('close', () => resolve('')),
  );
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return line;
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' } },
  });
  const [group, command, username] = positionals;
  if (group !== 'user' || !command) {
    console.error(USAGE);
    return 2;
  }
  const database = await openDatabase(readConfig().databaseUrl);
  try {
    await database.migrate();
    const { repos } = database;
    const users = createUsersService(repos, systemClock);
    if (command === 'list') {
      const units = new Map((await repos.catalogue.listUnits()).map((u) => [u.id, u.name]));
      for (const u of await users.list()) {
        const unit = u.unitId ? (units.get(u.unitId) ?? u.unitId) : '—';
        console.log(
          [
            u.username,
            u.displayName,
            ROLE_LABELS[u.role].vi,
            unit,
            u.disabled ? 'đã khóa' : 'hoạt động',
          ].join('\t'),
        );
      }
      return 0;
    }
    const name = Username.safeParse(username);
    if (!name.success) {
      console.error(`A valid username is required.\n${USAGE}`);
      return 2;
    }
    if (command === 'add') {
      const unitId = values.unit
        ? (await repos.catalogue.listUnits()).find(
            (u) => u.code === values.unit || u.id === values.unit,
          )?.id
        : null;
      if (unitId === undefined) {
        console.error(`Unknown unit: ${values.unit}`);
        return 2;
      }
      const input = CreateUserRequest.safeParse({
        username: name.data,
        displayName: values.name ?? name.data,
        role: values.role,
        unitId,
        password: await readPassword('Mật khẩu (≥ 10 ký tự): '),
      });
      if (!input.success) {
        console.error(
          input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'),
        );
        return 2;
      }
      const user = await users.create(input.data, null);
      console.log(`Đã tạo ${user.username} (${ROLE_LABELS[user.role].vi}).`);
      return 0;
    }
    if (command === 'passwd') {
      const user = await repos.users.findByUsername(name.data);
      if (!user) {
        console.error(`No user ${name.data}.`);
        return 1;
      }
      const password = Password.safeParse(await readPassword('Mật khẩu mới (≥ 10 ký tự): '));
      if (!password.success) {
        console.error('The password must be 10 to 256 characters.');
        return 2;
      }
      await users.resetPassword(user.id, password.data, null);
      console.log(`Đã đặt lại mật khẩu cho ${user.username}; các phiên đăng nhập cũ đã kết thúc.`);
      return 0;
    }
    console.error(USAGE);
    return 2;
  } catch (err) {
    if (err instanceof ApiError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then((code) => process.exit(code));
