import { defaultHome } from '../../home';
import { resolvePort } from '../../server';
import { hasProblems, runDoctor, type Finding } from '../../doctor';
import { parse, printJson, type Io } from '../io';

export const doctorUsage = `Usage: irn-bridge doctor [--port P] [--no-irp] [--json]

Checks this computer's IRN Bridge: Node.js, the home and its file modes, the ledger's integrity,
whether the companion answers on its port (and who holds the port if not), the extension's last
contact, whether it starts with the computer, and each profile: a lookup of its own GSTIN at the IRP,
and this computer's clock against the IRP's. Exit status 1 when something is wrong.
--no-irp skips the IRP calls; --json prints the findings as JSON.`;

const MARK: Record<Finding['status'], string> = { ok: 'ok     ', warn: 'note   ', fail: 'PROBLEM' };

export async function doctor(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { port: { type: 'string', short: 'p' }, json: { type: 'boolean' }, 'no-irp': { type: 'boolean' } }, doctorUsage);
  if (values.help) return io.out(doctorUsage), 0;
  const home = defaultHome(io.env);
  const port = resolvePort(values.port as string | undefined, io.env);
  const findings = await runDoctor({ home, port, env: io.env, profiles: !values['no-irp'] });
  const problems = findings.filter((f) => f.status === 'fail').length;
  if (values.json) {
    printJson(io, { ok: problems === 0, home, port, findings });
  } else {
    io.out(`IRN Bridge doctor — home ${home}, port ${port}`);
    for (const f of findings) {
      io.out(`${MARK[f.status]} ${f.message}`);
      if (f.hint && f.status !== 'ok') io.out(`        fix: ${f.hint}`);
    }
    io.out(problems === 0 ? 'Everything needed is in order.' : `${problems} problem${problems > 1 ? 's' : ''} found.`);
  }
  return hasProblems(findings) ? 1 : 0;
}
