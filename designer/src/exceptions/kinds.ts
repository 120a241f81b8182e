import type { Translate } from '../i18n';

// The exception queue's kinds (src/Orchestrator.Domain/Orders/OrderExceptionKind.cs); their names are in the catalogue
// (exceptionKind.*), e.g. OutOfStock 缺货.

/** Every kind the queue can hold, for filters. */
export const allKinds = ['AddressProblem', 'RefundRequested', 'OutOfStock', 'UnmappedSku', 'PlatformError', 'NoWarehouse', 'RuleMatched', 'Other'];

/** The kinds a person may set an order aside with (POST /api/orders/{id}/exceptions; the rest the workflow raises). */
export const raisableKinds = ['OutOfStock', 'RefundRequested', 'AddressProblem', 'UnmappedSku', 'PlatformError', 'Other'];

/** "地址异常" for AddressProblem; an unknown kind as the server named it. */
export function kindText(kind: string, t: Translate): string {
  return t.term('exceptionKind', kind);
}
