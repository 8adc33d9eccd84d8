/**
 * Preloaded (`node -r`) into the `blueprint check` child by check-floor.mjs when it is asked for a
 * breakdown: how the check's CPU time divides between its main thread, its worker threads and the
 * rest of the process (V8's compiler and garbage collector threads, libuv). Each worker adds its
 * thread's CPU time to the message it posts last (its report: the parent terminates it then); the
 * main thread writes one line to stderr on exit. Linux only (/proc/thread-self); elsewhere nothing.
 * Required rather than preloaded (parse-floor-worker.mjs), it only lends `threadCpuMs`.
 */
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const workerThreads = require('node:worker_threads');

/** Begins the line on stderr (check-floor.mjs reads it and leaves it out of the output it shows). */
const MARK = 'blueprint-bench-thread-cpu ';

/** CPU milliseconds (user + system) of the calling thread; undefined without /proc. */
function threadCpuMs() {
    try {
        const stat = readFileSync('/proc/thread-self/stat', 'utf8');
        // After the command name: utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second).
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return undefined;
    }
}

module.exports = { threadCpuMs };

/** Whether this process was started with this file preloaded (`-r`/`--require`; workers inherit it). */
function preloaded() {
    const args = process.execArgv;
    const isThisFile = value => typeof value === 'string' && resolve(value) === __filename;
    return args.some((arg, index) => (arg === '-r' || arg === '--require') ? isThisFile(args[index + 1])
        : arg.startsWith('--require=') && isThisFile(arg.slice('--require='.length)));
}

if (preloaded() && threadCpuMs() !== undefined) {
    if (workerThreads.isMainThread) {
        const workers = [];
        const OriginalWorker = workerThreads.Worker;
        workerThreads.Worker = class extends OriginalWorker {
            constructor(...args) {
                super(...args);
                this.on('message', message => {
                    if (typeof message?.threadCpuMs === 'number') workers.push(message.threadCpuMs);
                });
            }
        };
        process.on('exit', () => {
            const used = process.cpuUsage();
            process.stderr.write(`${MARK}${JSON.stringify({ main: threadCpuMs(), workers, process: (used.user + used.system) / 1000 })}\n`);
        });
    } else if (workerThreads.parentPort) {
        const port = workerThreads.parentPort;
        const post = port.postMessage.bind(port);
        port.postMessage = (message, transfer) => post(message !== null && typeof message === 'object'
            ? { ...message, threadCpuMs: threadCpuMs() } : message, transfer);
    }
}
