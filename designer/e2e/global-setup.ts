import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { admin } from './people';

const here = path.dirname(fileURLToPath(import.meta.url));

// Starts the real server (the built Orchestrator.Server.dll) on 127.0.0.1 with a fresh SQLite data folder, the demo data,
// the built designer and an administrator made at start-up (Auth:Admin:*), waits until it is ready, and returns the teardown that stops it and removes the folder.
const repo = path.resolve(here, '..', '..');
const serverDll = process.env.ORCHESTRATOR_SERVER_DLL
  ?? ['Release', 'Debug'].map(c => path.join(repo, 'src/Orchestrator.Server/bin', c, 'net10.0/Orchestrator.Server.dll'))
    .filter(f => fs.existsSync(f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
const designerRoot = path.join(repo, 'designer', 'dist');

// Ports below Linux's ephemeral range (as the .NET tests' FreePorts does), in a band of their own, checked by a bind.
async function freePort(): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const port = 32_050 + Math.floor(Math.random() * 700);
    const free = await new Promise<boolean>(resolve => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('No free loopback port for the e2e server.');
}

async function waitReady(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output.join('')}`);
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`The server was not ready in 90 s:\n${output.join('')}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!serverDll) throw new Error('Build the server first: dotnet build src/Orchestrator.Server (no Orchestrator.Server.dll found).');
  if (!fs.existsSync(path.join(designerRoot, 'index.html'))) throw new Error('Build the designer first: npm run build.');

  const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'orchestrator-e2e-'));
  const [port, siloPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn('dotnet', [serverDll], {
    cwd: path.dirname(serverDll),
    env: {
      ...process.env,
      ASPNETCORE_URLS: url,
      Database__Provider: 'Sqlite',
      Orchestrator__DataFolder: dataFolder,
      Demo__Seed: 'true',
      Workflows__Folder: path.join(repo, 'workflows'),
      Designer__Root: designerRoot,
      Runtime__SiloPort: String(siloPort),
      Runtime__GatewayPort: String(gatewayPort),
      Auth__Admin__UserName: admin.userName,
      Auth__Admin__Password: admin.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', d => output.push(String(d)));
  child.stderr?.on('data', d => output.push(String(d)));

  try {
    await waitReady(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  process.env.DESIGNER_E2E_BASE_URL = url;
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise(r => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dataFolder, { recursive: true, force: true });
  };
}
