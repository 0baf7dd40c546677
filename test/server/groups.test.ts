/** Groups and inheritance through the node:http server over loopback (cases: ../groups/cases.ts). */
import { defineGroupCases } from '../groups/cases.js'
import { serverAdapter } from '../groups/support.js'

defineGroupCases(serverAdapter)
