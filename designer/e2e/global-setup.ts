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
// Consecutive from a random start, so the HTTP, silo and gateway ports of one server are never the same port.
async function freePorts(count: number): Promise<number[]> {
  const [first, size] = [32_050, 700];
  const start = Math.floor(Math.random() * size);
  const ports: number[] = [];
  for (let offset = 0; offset < size && ports.length < count; offset++) {
    const port = first + ((start + offset) % size);
    const free = await new Promise<boolean>(resolve => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) ports.push(port);
  }
  if (ports.length < count) throw new Error('No free loopback ports for the e2e server.');
  return ports;
}

class PortTaken extends Error {}

async function waitReady(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    // Another process took a port between our check and the server's bind: the caller starts again on other ports.
    if (output.join('').includes('address already in use')) throw new PortTaken(output.join(''));
    // A server that dies of a signal (an unhandled exception ends in SIGABRT) has a signalCode and no exitCode.
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited with ${child.exitCode ?? child.signalCode}:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`The server was not ready in 90 s:\n${output.join('')}`);
}

function startServer(dataFolder: string, [port, siloPort, gatewayPort]: number[], output: string[]): ChildProcess {
  const child = spawn('dotnet', [serverDll!], {
    cwd: path.dirname(serverDll!),
    env: {
      ...process.env,
      ASPNETCORE_URLS: `http://127.0.0.1:${port}`,
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
  return child;
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!serverDll) throw new Error('Build the server first: dotnet build src/Orchestrator.Server (no Orchestrator.Server.dll found).');
  if (!fs.existsSync(path.join(designerRoot, 'index.html'))) throw new Error('Build the designer first: npm run build.');

  for (let attempt = 1; ; attempt++) {
    const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'orchestrator-e2e-'));
    const ports = await freePorts(3);
    const url = `http://127.0.0.1:${ports[0]}`;
    const output: string[] = [];
    const child = startServer(dataFolder, ports, output);
    try {
      await waitReady(url, child, output);
    } catch (error) {
      child.kill('SIGKILL');
      fs.rmSync(dataFolder, { recursive: true, force: true });
      if (error instanceof PortTaken && attempt < 3) continue;
      throw error;
    }
    return serverStarted(url, child, dataFolder);
  }
}

function serverStarted(url: string, child: ChildProcess, dataFolder: string): () => Promise<void> {
  process.env.DESIGNER_E2E_BASE_URL = url;
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise(r => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dataFolder, { recursive: true, force: true });
  };
}
