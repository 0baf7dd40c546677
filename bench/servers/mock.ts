/** The kit's standalone server (built dist), journal on as users run it. */
import { startMockServer } from '../../dist/server.js'
import { smallScenario } from '../scenario.ts'

const server = await startMockServer({ scenario: smallScenario() })
process.stdout.write(`ready ${new URL(server.url).port}\n`)
