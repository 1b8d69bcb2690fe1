// Loaded (node --import) into every server a test starts: when the test's process goes away,
// however it went (a file timeout kills it without its teardowns), the pipe on our stdin closes
// and we shut down as on SIGTERM, so no server outlives the run that started it.
import process from 'node:process'

process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'))
process.stdin.resume()
// Reading stdin must not be what keeps a finished process alive.
process.stdin.unref?.()
