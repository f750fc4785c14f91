/**
 * The text of the per-user start-up entries: a systemd user unit (Linux), a launchd agent (macOS),
 * and a Task Scheduler task plus a hidden launcher script (Windows). Pure functions of the paths,
 * so tests check exactly what would be installed.
 */
export interface ServiceSpec {
  /** The Node.js executable (process.execPath). */
  node: string;
  /** The irn-bridge script the service runs (the installed package's bin/irn-bridge.mjs). */
  script: string;
  home: string;
  port: number;
  /** Where launchd writes the companion's output (macOS). */
  logFile?: string;
  /** The Windows launcher script's path (the task runs it). */
  launcher?: string;
  /** DOMAIN\user for the Windows logon trigger. */
  windowsUser?: string;
  /** start's team-mode options as given to service install (--listen, --tls-*, --name), passed on after --port. */
  args?: string[];
  /** The mode-0600 file holding the database URL (IRN_BRIDGE_DATABASE_FILE): the password stays out of these files. */
  databaseFile?: string;
}

/** Where the companion listens, for the descriptions: --listen's value, else the loopback port. */
function address(s: ServiceSpec): string {
  const i = s.args?.indexOf('--listen') ?? -1;
  return i >= 0 && s.args![i + 1] ? s.args![i + 1] : `127.0.0.1:${s.port}`;
}
const startArgs = (s: ServiceSpec) => ['start', '--port', String(s.port), ...(s.args ?? [])];

export const SERVICE_NAME = 'irn-bridge';
export const LAUNCHD_LABEL = 'in.irnbridge.companion';
export const WINDOWS_TASK = 'IRN Bridge companion';

/** systemd quoting: a word in double quotes, with \ and " escaped (systemd.syntax(7)). */
const sd = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
/** An ExecStart argument: quoted, and % and $ doubled so systemd expands neither specifiers nor variables (systemd.service(5)). */
const sdArg = (s: string) => sd(s.replace(/%/g, '%%').replace(/\$/g, '$$$$'));

export function systemdUnit(s: ServiceSpec): string {
  return `# Written by irn-bridge service install; remove with irn-bridge service uninstall.
[Unit]
Description=IRN Bridge companion (GST e-invoices) on ${address(s)}
Documentation=https://github.com/irn-bridge/irn-bridge/blob/main/docs/install.md

[Service]
Type=simple
ExecStart=${sd(s.node)} ${sd(s.script)} start --port ${s.port}${(s.args ?? []).map((a) => ` ${sdArg(a)}`).join('')}
Environment=${sd(`IRN_BRIDGE_HOME=${s.home}`)}
${s.databaseFile ? `Environment=${sd(`IRN_BRIDGE_DATABASE_FILE=${s.databaseFile.replace(/%/g, '%%')}`)}\n` : ''}Environment=IRN_BRIDGE_LOG=info
UMask=0077
Restart=on-failure
RestartSec=5

[Install]
WantedBy=default.target
`;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function launchdPlist(s: ServiceSpec): string {
  const args = [s.node, s.script, ...startArgs(s)].map((a) => `    <string>${xml(a)}</string>`).join('\n');
  const log = s.logFile ? `  <key>StandardOutPath</key>\n  <string>${xml(s.logFile)}</string>\n  <key>StandardErrorPath</key>\n  <string>${xml(s.logFile)}</string>\n` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- Written by irn-bridge service install; remove with irn-bridge service uninstall. -->
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>${LAUNCHD_LABEL}</string>
  <key>ProgramArguments</key>
  <array>
${args}
  </array>
  <key>EnvironmentVariables</key>
  <dict>
    <key>IRN_BRIDGE_HOME</key>
    <string>${xml(s.home)}</string>
${s.databaseFile ? `    <key>IRN_BRIDGE_DATABASE_FILE</key>\n    <string>${xml(s.databaseFile)}</string>\n` : ''}    <key>IRN_BRIDGE_LOG</key>
    <string>info</string>
  </dict>
  <key>RunAtLoad</key>
  <true/>
  <key>KeepAlive</key>
  <dict>
    <key>SuccessfulExit</key>
    <false/>
  </dict>
  <key>ThrottleInterval</key>
  <integer>10</integer>
  <key>Umask</key>
  <integer>63</integer>
  <key>ProcessType</key>
  <string>Background</string>
${log}</dict>
</plist>
`;
}

/** VBScript string literal. */
const vbs = (s: string) => `"${s.replace(/"/g, '""')}"`;
/**
 * One argument of a Windows command line, quoted so that node.exe's argv (parsed by the Microsoft C
 * runtime's rules, as CommandLineToArgvW) gives it back unchanged: a `"` becomes `\"`, and the
 * backslashes before a quote, or before the closing quote, are doubled ("Parsing C++ command-line
 * arguments", Microsoft C runtime documentation). A trailing `\` (`--tls-cert C:\certs\`) or a quote
 * in a name would otherwise end the argument early or join it with the next.
 */
const windowsArg = (a: string) => `"${a.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;

/**
 * Task Scheduler cannot set environment variables, and node.exe started by a task opens a console
 * window: the task runs this script with wscript, which sets IRN_BRIDGE_HOME and runs node hidden,
 * waiting for it, so the task's restart-on-failure sees the companion's own exit.
 */
export function windowsLauncher(s: ServiceSpec): string {
  const words = [windowsArg(s.node), windowsArg(s.script), 'start', '--port', String(s.port), ...(s.args ?? []).map(windowsArg)];
  const command = vbs(words.join(' '));
  return `' Written by irn-bridge service install; remove with irn-bridge service uninstall.
Set shell = CreateObject("WScript.Shell")
shell.Environment("PROCESS")("IRN_BRIDGE_HOME") = ${vbs(s.home)}
${s.databaseFile ? `shell.Environment("PROCESS")("IRN_BRIDGE_DATABASE_FILE") = ${vbs(s.databaseFile)}\n` : ''}shell.Environment("PROCESS")("IRN_BRIDGE_LOG") = "info"
WScript.Quit shell.Run(${command}, 0, True)
`;
}

export function windowsTask(s: ServiceSpec): string {
  if (!s.launcher) throw new Error('windowsTask needs the launcher script path');
  const userId = s.windowsUser ? `      <UserId>${xml(s.windowsUser)}</UserId>\n` : '';
  return `<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>IRN Bridge companion (GST e-invoices) on ${xml(address(s))}. Written by irn-bridge service install.</Description>
    <URI>\\${xml(WINDOWS_TASK)}</URI>
  </RegistrationInfo>
  <Triggers>
    <LogonTrigger>
      <Enabled>true</Enabled>
${userId}    </LogonTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
${userId}      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <RestartOnFailure>
      <Interval>PT1M</Interval>
      <Count>999</Count>
    </RestartOnFailure>
    <StartWhenAvailable>true</StartWhenAvailable>
    <Hidden>false</Hidden>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>wscript.exe</Command>
      <Arguments>//B //Nologo "${xml(s.launcher)}"</Arguments>
    </Exec>
  </Actions>
</Task>
`;
}
