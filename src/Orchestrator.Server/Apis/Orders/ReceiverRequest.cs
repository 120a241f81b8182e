namespace Orchestrator.Server.Apis.Orders;

/// <summary>Where the parcel goes (Taobao: receiver_name, receiver_mobile, receiver_state, receiver_city, receiver_district, receiver_address).</summary>
public sealed record ReceiverRequest(string? Name, string? Mobile, string? Province, string? City, string? District, string? Address, string? Zip);
