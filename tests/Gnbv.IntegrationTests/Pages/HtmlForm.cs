using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Gnbv.IntegrationTests.Pages;

/// <summary>
/// One form of a rendered page, with the values a browser would send as it stands: hidden inputs
/// (the antiforgery token, Blazor's <c>_handler</c>), typed inputs, text areas, the selected
/// option of each select and the ticked check boxes. <see cref="Set"/> refuses a field the page
/// does not render, so a test cannot post a name the form does not have.
/// </summary>
public sealed class HtmlForm
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private readonly List<KeyValuePair<string, string>> _values = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _checkboxes = new(StringComparer.Ordinal);
    private readonly HashSet<(string Name, string Value)> _buttons = [];

    private HtmlForm(string action) => Action = action;

    /// <summary>Where the form posts: its action, or the page it came from (Blazor's forms have no action).</summary>
    public string Action { get; }

    public IReadOnlyCollection<string> Names => _names;

    public string? Value(string name) => _values.LastOrDefault(v => v.Key == name).Value;

    /// <summary>Types a value, as a person would (a select must be given one of its options).</summary>
    public HtmlForm Set(string name, string value)
    {
        if (!_names.Contains(name))
            throw new ArgumentException($"the form has no field '{name}'; it has: {string.Join(", ", _names)}", nameof(name));
        if (_options.TryGetValue(name, out var options) && !options.Contains(value))
            throw new ArgumentException($"the select '{name}' has no option '{value}'", nameof(name));
        _values.RemoveAll(v => v.Key == name);
        // An unticked check box is not sent at all.
        if (!_checkboxes.Contains(name) || value.Length > 0) _values.Add(new(name, value));
        return this;
    }

    /// <summary>Clicks a named submit button: a browser sends that button's name and value with the form.</summary>
    public HtmlForm Press(string name, string value)
    {
        if (!_buttons.Contains((name, value)))
            throw new ArgumentException($"the form has no button {name}={value}; it has: {string.Join(", ", _buttons.Select(b => $"{b.Name}={b.Value}"))}", nameof(name));
        _values.RemoveAll(v => v.Key == name);
        _values.Add(new(name, value));
        return this;
    }

    /// <summary>The body a browser would send, optionally without one field (to test that the server insists on it).</summary>
    public FormUrlEncodedContent Content(string? without = null) =>
        new(_values.Where(v => v.Key != without).ToList());

    /// <summary>Every form of the page; <paramref name="pageUrl"/> stands in for a missing action.</summary>
    public static List<HtmlForm> All(string html, string pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll<IHtmlFormElement>("form").Select(f => Read(f, pageUrl)).ToList();
    }

    /// <summary>The form whose Blazor form name (its hidden <c>_handler</c>) is <paramref name="handler"/>.</summary>
    public static HtmlForm Named(string html, string pageUrl, string handler)
    {
        var forms = All(html, pageUrl);
        return forms.SingleOrDefault(f => f.Value("_handler") == handler)
            ?? throw new InvalidOperationException(
                $"no form '{handler}' on {pageUrl}; forms: {string.Join(", ", forms.Select(f => f.Value("_handler") ?? f.Action))}\n{html}");
    }

    private static HtmlForm Read(IHtmlFormElement element, string pageUrl)
    {
        var action = element.GetAttribute("action");
        var form = new HtmlForm(string.IsNullOrEmpty(action) ? pageUrl : action);
        foreach (var button in element.QuerySelectorAll("button[name]"))
            form._buttons.Add((button.GetAttribute("name")!, button.GetAttribute("value") ?? ""));
        foreach (var field in element.QuerySelectorAll("input, select, textarea"))
        {
            var name = field.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || field.HasAttribute("disabled")) continue;
            form._names.Add(name);
            switch (field)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    form._checkboxes.Add(name);
                    if (box.IsChecked) form._values.Add(new(name, box.GetAttribute("value") ?? "on"));
                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "reset" or "image" }:
                    form._names.Remove(name);
                    break;
                case IHtmlInputElement input:
                    form._values.Add(new(name, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    form._values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    var options = select.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
                    form._options[name] = options;
                    var selected = select.Options.FirstOrDefault(o => o.HasAttribute("selected")) ?? select.Options.FirstOrDefault();
                    if (selected is not null) form._values.Add(new(name, selected.Value));
                    break;
            }
        }
        return form;
    }
}
