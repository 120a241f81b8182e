using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Execution;

/// <summary>What resumed a bookmark: its name, the payload the bookmark was created with, and what the caller sent.</summary>
public sealed record Stimulus(string Bookmark, JsonNode? BookmarkPayload, JsonNode? Input);
