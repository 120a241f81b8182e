import type { ActivityDescriptor, FlowchartJson } from '../api';
import lifecycleFile from '../../../workflows/sales-order.json';

// For the layout and routing tests: the shipped sales-order lifecycle (workflows/) and its activities' catalogue entries.

export const lifecycle = lifecycleFile.root as FlowchartJson;

// The catalogue entries the shipped lifecycle uses, with the outcomes the server's activities declare.
export const entry = (typeName: string, displayName: string, outcomes: string[], more: Partial<ActivityDescriptor> = {}): ActivityDescriptor => ({
  typeName, category: 'Sales order', displayName, inputs: [], outcomes, isStart: false, suspendsOnBookmark: false, endsWorkflow: false,
  fansOut: false, description: null, ...more,
});
export const lifecycleCatalog: ActivityDescriptor[] = [
  entry('Start', 'Start', ['Done'], { isStart: true, category: 'Control flow' }),
  entry('Finish', 'Finish', [], { endsWorkflow: true, category: 'Control flow' }),
  entry('ImportOrder', 'Import order', ['Imported', 'Cancelled'], { suspendsOnBookmark: true }),
  entry('ServiceReview', 'Service review', ['Approved', 'Blocked', 'Exception'], { suspendsOnBookmark: true }),
  entry('AwaitReview', 'Await reviewer', ['Approved', 'Rejected', 'Exception'], { suspendsOnBookmark: true }),
  entry('CancelOrder', 'Cancel order', ['Done']),
  entry('OutOfStockCheck', 'Out-of-stock check', ['InStock', 'OutOfStock']),
  entry('AwaitStock', 'Await stock', ['Done'], { suspendsOnBookmark: true }),
  entry('AllocateWarehouse', 'Allocate warehouse', ['Allocated', 'OutOfStock', 'NoWarehouse']),
  entry('AwaitResolution', 'Exception queue', ['Done'], { suspendsOnBookmark: true }),
  entry('RequestWaybill', 'Request e-waybill', ['Done']),
  entry('Pick', 'Pick', ['Picked', 'Rejected'], { suspendsOnBookmark: true }),
  entry('Verify', 'Verify', ['Verified'], { suspendsOnBookmark: true }),
  entry('WeighShip', 'Weigh', ['Weighed'], { suspendsOnBookmark: true }),
  entry('ConfirmShipment', 'Confirm shipment', ['Done'], { suspendsOnBookmark: true }),
];
