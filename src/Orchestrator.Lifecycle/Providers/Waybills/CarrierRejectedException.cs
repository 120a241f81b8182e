namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>The carrier answered but refused the request (bad address, cancelled key…): retrying the same call will not help.</summary>
public sealed class CarrierRejectedException(string message) : Exception(message);
