namespace Gnbv.Domain;

/// <summary>A rule of the program or of the data was broken; the message is shown to the user as is.</summary>
public class DomainException(string message) : Exception(message);
