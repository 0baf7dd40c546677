/** The kit's standalone server (built dist), journal on as users run it. Listens on argv[2]. */
import { startMockServer } from '../../dist/server.js'
import { smallScenario } from '../scenario.ts'

await startMockServer({ scenario: smallScenario(), port: Number(process.argv[2] ?? 0) })
