using System.Linq;
using AwsAnalyzers.Athena.Sql;
using Xunit;

namespace AwsAnalyzers.Tests.Athena.Sql
{
    public class SqlLexerTests
    {
        private static (SqlTokenKind Kind, string Text)[] Lex(string text, bool comments = false)
        {
            var tokens = SqlLexer.Tokenize(text, comments);
            Assert.False(tokens.HasError, "unexpected lexer error");
            return Enumerable.Range(0, tokens.Count).Select(i => (tokens[i].Kind, tokens.GetText(i))).ToArray();
        }

        [Fact]
        public void Identifiers_And_Keywords_Are_Bare_Words()
        {
            var tokens = Lex("SELECT a_1, _b FROM tbl");
            Assert.Equal(new[]
            {
                (SqlTokenKind.Identifier, "SELECT"), (SqlTokenKind.Identifier, "a_1"), (SqlTokenKind.Comma, ","),
                (SqlTokenKind.Identifier, "_b"), (SqlTokenKind.Identifier, "FROM"), (SqlTokenKind.Identifier, "tbl"),
            }, tokens);
        }

        [Fact]
        public void Unicode_Letters_Are_Identifier_Characters()
        {
            var tokens = Lex("SELECT café FROM t");
            Assert.Equal((SqlTokenKind.Identifier, "café"), tokens[1]);
        }

        [Fact]
        public void Double_Quoted_Identifier_With_Escaped_Quote()
        {
            var list = SqlLexer.Tokenize("SELECT \"a\"\"b\" FROM \"db\".\"tbl\"");
            Assert.False(list.HasError);
            Assert.Equal(SqlTokenKind.QuotedIdentifier, list[1].Kind);
            Assert.Equal("\"a\"\"b\"", list.GetText(1));
            Assert.Equal("a\"b", list.GetIdentifierValue(1));
            Assert.Equal("db", list.GetIdentifierValue(3));
            Assert.Equal(SqlTokenKind.Dot, list[4].Kind);
            Assert.Equal("tbl", list.GetIdentifierValue(5));
        }

        [Fact]
        public void Backtick_Identifier_With_Escaped_Backtick()
        {
            var list = SqlLexer.Tokenize("`my``col` `x`");
            Assert.Equal(SqlTokenKind.BacktickIdentifier, list[0].Kind);
            Assert.Equal("my`col", list.GetIdentifierValue(0));
            Assert.Equal("x", list.GetIdentifierValue(1));
        }

        [Fact]
        public void Unicode_Quoted_Identifier()
        {
            var list = SqlLexer.Tokenize("U&\"a\\0041\"");
            Assert.Single(list);
            Assert.Equal(SqlTokenKind.QuotedIdentifier, list[0].Kind);
            Assert.Equal("a\\0041", list.GetIdentifierValue(0));
        }

        [Fact]
        public void String_Literal_With_Escaped_Quote()
        {
            var tokens = Lex("'it''s' 'x'");
            Assert.Equal(new[] { (SqlTokenKind.String, "'it''s'"), (SqlTokenKind.String, "'x'") }, tokens);
        }

        [Theory]
        [InlineData("X'0A1B'")]
        [InlineData("x'0a'")]
        [InlineData("E'a\\nb'")]
        [InlineData("N'text'")]
        [InlineData("U&'caf\\00E9'")]
        [InlineData("B'0101'")]
        public void Prefixed_String_Literals_Are_One_Token(string literal)
        {
            var tokens = Lex(literal);
            Assert.Single(tokens);
            Assert.Equal((SqlTokenKind.String, literal), tokens[0]);
        }

        [Fact]
        public void Identifier_Followed_By_Space_And_String_Is_Not_A_Prefix()
        {
            var tokens = Lex("x 'a'");
            Assert.Equal(new[] { (SqlTokenKind.Identifier, "x"), (SqlTokenKind.String, "'a'") }, tokens);
        }

        [Theory]
        [InlineData("42")]
        [InlineData("3.14")]
        [InlineData(".5")]
        [InlineData("1e10")]
        [InlineData("1.5E-3")]
        [InlineData("2e+7")]
        [InlineData("0x1F")]
        [InlineData("1_000")]
        [InlineData("5.")]
        public void Numbers(string number)
        {
            var tokens = Lex(number);
            Assert.Single(tokens);
            Assert.Equal((SqlTokenKind.Number, number), tokens[0]);
        }

        [Fact]
        public void Qualified_Name_Is_Not_A_Number()
        {
            var tokens = Lex("t.c1");
            Assert.Equal(new[] { (SqlTokenKind.Identifier, "t"), (SqlTokenKind.Dot, "."), (SqlTokenKind.Identifier, "c1") }, tokens);
        }

        [Fact]
        public void Operators_And_Punctuation()
        {
            var tokens = Lex("a<=b>=c<>d!=e||f->g=>h=i<j>k+l-m*n/o%p(q)r,s;t[1]");
            var ops = tokens.Where(t => t.Kind == SqlTokenKind.Operator).Select(t => t.Text).ToArray();
            Assert.Equal(new[] { "<=", ">=", "<>", "!=", "||", "->", "=>", "=", "<", ">", "+", "-", "*", "/", "%", "[", "]" }, ops);
            Assert.Contains((SqlTokenKind.OpenParen, "("), tokens);
            Assert.Contains((SqlTokenKind.CloseParen, ")"), tokens);
            Assert.Contains((SqlTokenKind.Comma, ","), tokens);
            Assert.Contains((SqlTokenKind.Semicolon, ";"), tokens);
        }

        [Fact]
        public void Positional_Parameters()
        {
            var list = SqlLexer.Tokenize("a = ? AND b IN (?, ?)");
            var parameters = list.Where(t => t.Kind == SqlTokenKind.Parameter).Select(t => t.Start).ToArray();
            Assert.Equal(new[] { 4, 16, 19 }, parameters);
        }

        [Fact]
        public void Comments_Are_Skipped_By_Default()
        {
            var tokens = Lex("SELECT -- year = 1\n a /* year = 2 */ FROM t");
            Assert.Equal(new[] { "SELECT", "a", "FROM", "t" }, tokens.Select(t => t.Text).ToArray());
        }

        [Fact]
        public void Comments_Are_Returned_When_Requested()
        {
            var tokens = Lex("SELECT -- line\r\n a /* block\n */ b", comments: true);
            Assert.Equal((SqlTokenKind.LineComment, "-- line"), tokens[1]);
            Assert.Equal((SqlTokenKind.BlockComment, "/* block\n */"), tokens[3]);
        }

        [Fact]
        public void Line_Comment_At_End_Of_Text()
        {
            var tokens = Lex("a --", comments: true);
            Assert.Equal(new[] { (SqlTokenKind.Identifier, "a"), (SqlTokenKind.LineComment, "--") }, tokens);
        }

        [Fact]
        public void Quotes_Inside_Comments_And_Comments_Inside_Strings()
        {
            var tokens = Lex("'-- not a comment' /* 'not a string */ \"/*x*/\"");
            Assert.Equal(new[] { (SqlTokenKind.String, "'-- not a comment'"), (SqlTokenKind.QuotedIdentifier, "\"/*x*/\"") }, tokens);
        }

        [Fact]
        public void Minus_Is_An_Operator_When_Not_Doubled()
        {
            var tokens = Lex("a - -1");
            Assert.Equal(new[] { "a", "-", "-", "1" }, tokens.Select(t => t.Text).ToArray());
        }

        [Fact]
        public void Offsets_And_Lengths_Are_Kept()
        {
            var list = SqlLexer.Tokenize("  SELECT\n\t x");
            Assert.Equal(2, list[0].Start);
            Assert.Equal(6, list[0].Length);
            Assert.Equal(8, list[0].End);
            Assert.Equal(11, list[1].Start);
        }

        [Theory]
        [InlineData("SELECT 'abc", "UnterminatedString", 7)]
        [InlineData("SELECT 'it''s", "UnterminatedString", 7)]
        [InlineData("SELECT X'0A", "UnterminatedString", 7)]
        [InlineData("SELECT \"abc", "UnterminatedQuotedIdentifier", 7)]
        [InlineData("SELECT `abc", "UnterminatedQuotedIdentifier", 7)]
        [InlineData("SELECT /* abc", "UnterminatedBlockComment", 7)]
        [InlineData("SELECT /*/", "UnterminatedBlockComment", 7)]
        [InlineData("'", "UnterminatedString", 0)]
        public void Unterminated_Input_Sets_The_Error(string text, string error, int offset)
        {
            var list = SqlLexer.Tokenize(text, includeComments: true);
            Assert.True(list.HasError);
            Assert.Equal(error, list.Error.ToString());
            Assert.Equal(offset, list.ErrorOffset);
            Assert.Equal(text.Length, list[list.Count - 1].End);
            Assert.True(SqlLexer.Tokenize(text).HasError);
        }

        [Fact]
        public void Empty_And_Null_Text()
        {
            Assert.Empty(SqlLexer.Tokenize(""));
            Assert.Empty(SqlLexer.Tokenize((string?)null));
            Assert.Empty(SqlLexer.Tokenize("  \n\t "));
        }

        [Fact]
        public void Hole_Alone_And_Inside_Identifiers()
        {
            var h = SqlSourceText.HoleMarker;
            var tokens = Lex($"{h} events_{h} {h}{h} {h}.x");
            Assert.Equal(new[] { SqlTokenKind.Hole, SqlTokenKind.Hole, SqlTokenKind.Hole, SqlTokenKind.Hole, SqlTokenKind.Dot, SqlTokenKind.Identifier },
                tokens.Select(t => t.Kind).ToArray());
            Assert.Equal("events_" + h, tokens[1].Text);
            Assert.Equal(2, tokens[2].Text.Length);
        }

        [Fact]
        public void Hole_Inside_Quoted_Identifier_Is_A_Hole()
        {
            var h = SqlSourceText.HoleMarker;
            var list = SqlLexer.Tokenize($"\"{h}\" `a{h}`");
            Assert.Equal(SqlTokenKind.Hole, list[0].Kind);
            Assert.Equal(SqlTokenKind.Hole, list[1].Kind);
            Assert.Null(list.GetIdentifierValue(0));
        }

        [Fact]
        public void Hole_Inside_String_Or_Comment_Stays_There()
        {
            var h = SqlSourceText.HoleMarker;
            var list = SqlLexer.Tokenize($"'{h}' /* {h} */ x", includeComments: true);
            Assert.Equal(SqlTokenKind.String, list[0].Kind);
            Assert.True(list[0].ContainsHole);
            Assert.Equal(SqlTokenKind.BlockComment, list[1].Kind);
            Assert.True(list[1].ContainsHole);
            Assert.False(list[2].ContainsHole);
        }

        [Fact]
        public void Keyword_Comparison_Is_Case_Insensitive_And_Ignores_Quoted()
        {
            var list = SqlLexer.Tokenize("select \"SELECT\"");
            Assert.True(list.IsKeyword(0, "SELECT"));
            Assert.False(list.IsKeyword(1, "SELECT"));
            Assert.False(list.IsKeyword(5, "SELECT"));
        }

        [Fact]
        public void Odd_Characters_Become_Operators()
        {
            var tokens = Lex("a $ # @ \\ { } : ^ & | ~ !");
            Assert.All(tokens.Skip(1), t => Assert.Equal(SqlTokenKind.Operator, t.Kind));
        }
    }

    public class SqlSourceTextTests
    {
        [Fact]
        public void Parts_Are_Composed_With_One_Marker_Per_Hole()
        {
            var source = SqlSourceText.FromParts(SqlTestHelpers.Parts("SELECT * FROM {t} WHERE year = {y}"));
            Assert.Equal("SELECT * FROM \uFFFF WHERE year = \uFFFF", source.Text);
            Assert.Equal(4, source.PartCount);
            Assert.Equal(14, source.GetPartStart(1));
            Assert.Equal(15, source.GetPartStart(2));
        }

        [Fact]
        public void FromString_Splits_On_Markers()
        {
            var source = SqlSourceText.FromString("a\uFFFFb\uFFFF\uFFFF");
            Assert.Equal(5, source.PartCount);
            Assert.True(source.Parts[1].IsHole);
            Assert.Equal("b", source.Parts[2].Text);
            Assert.True(source.Parts[4].IsHole);
        }

        [Fact]
        public void Offsets_Map_Back_To_Literal_Parts()
        {
            var source = SqlSourceText.FromParts(SqlTestHelpers.Parts("SELECT {c} FROM t"));
            Assert.True(source.TryMapOffset(3, out int part, out int inPart));
            Assert.Equal((0, 3), (part, inPart));

            // Just before the hole: end of the first part.
            Assert.True(source.TryMapOffset(7, out part, out inPart));
            Assert.Equal((0, 7), (part, inPart));

            // Just after the hole: start of the third part.
            Assert.True(source.TryMapOffset(8, out part, out inPart));
            Assert.Equal((2, 0), (part, inPart));

            Assert.True(source.TryMapOffset(source.Text.Length, out part, out inPart));
            Assert.Equal((2, 7), (part, inPart));
            Assert.False(source.TryMapOffset(-1, out _, out _));
            Assert.False(source.TryMapOffset(source.Text.Length + 1, out _, out _));
        }

        [Fact]
        public void Offset_Between_Two_Holes_Has_No_Literal_Part()
        {
            var source = SqlSourceText.FromParts(new[] { SqlTextPart.Hole, SqlTextPart.Hole });
            Assert.False(source.TryMapOffset(1, out _, out _));
        }

        [Fact]
        public void Null_Or_Empty_Parts()
        {
            Assert.Equal("", SqlSourceText.FromParts(null).Text);
            Assert.Equal("", SqlSourceText.FromParts(new SqlTextPart[0]).Text);
            Assert.Equal("", SqlSourceText.FromString(null).Text);
        }
    }
}
