using System.Buffers;
using System.Globalization;
using System.Text;

namespace ChatApp.BuildingBlocks.Text;

/// <summary>
/// The rules for text that users type and other users see (display names, room names, messages, reactions, bios), in
/// one place so every entry point (REST, the hub) judges and stores text alike (ADR 0018):
/// <list type="bullet">
/// <item>refused: unpaired surrogates and noncharacters (<see cref="InvalidUnicodeCode"/>), control characters
/// (<see cref="ControlCharactersCode"/>; line feed and tab are allowed in <see cref="UserTextKind.Text"/>, where a
/// carriage return is taken as a line break), and in names the bidirectional embeddings, overrides and isolates
/// (<see cref="BidiControlsCode"/>) that can make a name display as something else;</item>
/// <item>stored in Unicode normalisation form C (<see cref="Normalize"/>), and length limits count the stored form.</item>
/// </list>
/// </summary>
public static class UserText
{
    public const string ControlCharactersCode = "text.control_characters";
    public const string BidiControlsCode = "text.bidi_controls";
    public const string InvalidUnicodeCode = "text.invalid_unicode";

    /// <summary>
    /// The stored form: line breaks as <c>\n</c> (multi-line text only) and Unicode NFC. Only for text that passed
    /// <see cref="IsWellFormed"/> (normalisation throws on unpaired surrogates and U+FFFE).
    /// </summary>
    public static string Normalize(string text, UserTextKind kind)
    {
        if (kind == UserTextKind.Text && text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Well-formed UTF-16 of characters meant for interchange: no unpaired surrogate, no noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).</summary>
    public static bool IsWellFormed(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            if (rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }

    /// <summary>
    /// Whether the text holds a control character (Unicode category Cc: C0, DEL, C1) or a line or paragraph separator
    /// that its kind does not allow. Multi-line text may hold line feeds, carriage returns (stored as line feeds) and tabs.
    /// </summary>
    public static bool HasControlCharacters(string text, UserTextKind kind)
    {
        foreach (var c in text)
        {
            if (kind == UserTextKind.Text)
            {
                if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                {
                    return true;
                }
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the text holds a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069): they
    /// reorder what follows them, so a name holding one can display as another name. The marks U+200E, U+200F and
    /// U+061C are allowed: they reorder nothing and mixed-direction names need them.
    /// </summary>
    public static bool HasBidiControls(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the text shows something: at least one character that is not white space, a control, an invisible
    /// format character (zero-width space, joiners, bidirectional marks, tags), a combining mark or variation selector
    /// with nothing to combine with, or one of the letters that render blank (Hangul fillers, the blank Braille pattern).
    /// </summary>
    public static bool HasVisibleCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800)
            {
                continue;
            }

            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.Surrogate))
            {
                return true;
            }
        }

        return false;
    }
}
