namespace Gnbv.Web;

/// <summary>Marker for the UI texts in Resources/SharedResource*.resx (Vietnamese neutral, English .en).</summary>
public sealed class SharedResource;
