using System.Text.Json;

namespace Orchestrator.Server.Hosting;

/// <summary>Text the server will not take (see <see cref="TextWithoutNulConverter"/>); the serializer adds the path, the handler names it.</summary>
internal sealed class TextRejectedException(string message) : JsonException(message);
