using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Orchestrator.Persistence;

/// <summary>Stores DateTime as UTC and reads it back marked UTC on every provider.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
