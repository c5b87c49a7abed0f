namespace ChatApp.Modules.Media.Processing;

/// <summary>Bounds how many images one node decodes at once.</summary>
internal sealed class ProcessingGate(int slots) : SemaphoreSlim(slots, slots);
