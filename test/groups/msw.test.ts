/** Groups and inheritance through the MSW handlers (cases: ./cases.ts). */
import { defineGroupCases } from './cases.js'
import { mswAdapter } from './support.js'

defineGroupCases(mswAdapter)
