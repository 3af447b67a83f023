using System.Collections.Frozen;

namespace CaseRecord.Analysis.Attribution;

/// <summary>Grammatical gender as pronouns need it: a person of unknown gender agrees with she and he; bodies, groups and things are <see cref="They"/>.</summary>
public enum Gender { Unknown, She, He, They }

/// <summary>
/// The words attribution reads: speech cues, titles, the nouns that describe people and documents.
/// Fixed lists, built once; they hold no state.
/// </summary>
public static class Lexicon
{
    private static FrozenSet<string> Set(string words) =>
        words.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs that introduce speech or writing, in the forms papers print.</summary>
    public static readonly FrozenSet<string> Cues = Set("""
        said says say saying told tells tell telling added adds adding asked asks insisted insists admitted admits
        warned warns explained explains replied replies claimed claims argued argues stated states wrote writes
        commented comments continued continues agreed agrees confirmed confirms revealed reveals recalled recalls
        noted notes acknowledged acknowledges conceded concedes declared declares announced announces suggested
        suggests stressed stresses emphasised emphasises emphasized emphasizes responded responds posted posts tweeted
        remarked remarks concluded concludes found finds urged urges described describes predicted predicts vowed vows
        maintained maintains accepted accepts denied denies admitted pleaded pleads told testified testifies
        reported reports observed observes complained complains joked jokes shouted cried sobbed whispered
        apologised apologized promised promises pledged pledges demanded demands questioned queries queried
        texted emailed messaged wrote recommended recommends spoke speaks accused accuses criticised criticized called calls
        """);

    /// <summary>Cues whose subject is not the speaker of what follows: "X quoted Y as saying".</summary>
    public static readonly FrozenSet<string> QuotingVerbs = Set("quoted quotes quoting cited cites citing");

    /// <summary>Cues that take the listener as their object: "told the paper:", "asked reporters".</summary>
    public static readonly FrozenSet<string> ToldVerbs = Set("told tells tell telling asked asks warned warns urged urges assured reminded informed thanked");

    /// <summary>Words in the gap between a cue and a quotation that make the quoted words somebody else's label or claim.</summary>
    public static readonly FrozenSet<string> Blockers = Set("""
        claims claim allegations allegation accusations accusation reports rumours rumors so-called dubbed branded
        labelled labeled nicknamed titled entitled headlined slogan motto known termed
        """);

    /// <summary>Words that may stand between a subject and its cue: "Ms Thornton also said", "she has repeatedly warned".</summary>
    public static readonly FrozenSet<string> Adverbs = Set("""
        also later then previously has have had was were is are would will could can did does do once further
        repeatedly recently yesterday today tonight earlier publicly privately simply just now finally again
        herself himself themselves itself however still originally initially subsequently separately angrily
        quietly firmly openly directly last night week month year this morning afternoon evening on monday tuesday
        wednesday thursday friday saturday sunday not never always already had since
        """);

    /// <summary>Words after which a name begins a subordinate clause: its subject is not a sentence's subject.</summary>
    public static readonly FrozenSet<string> Subordinators = Set("""
        because that how when if after before although though as since until unless whether where who whom which
        why once while whereas so than
        """);

    /// <summary>Words after which a name still begins a main clause.</summary>
    public static readonly FrozenSet<string> Coordinators = Set("and but yet then also or nor");

    /// <summary>Sentence-initial words that leave the next name the subject: "Yesterday Ms Thornton said".</summary>
    public static readonly FrozenSet<string> Openers = Set("""
        yesterday today tonight now later earlier meanwhile but and however separately last then also previously
        afterwards instead still elsewhere additionally moreover overall speaking
        """);

    /// <summary>Role words printed before a name ("council leader Roger Stone", "CHIEF constable Sara Thornton").</summary>
    public static readonly FrozenSet<string> RoleWords = Set("""
        chief constable deputy assistant leader council councillor executive officer inspector superintendent
        detective commissioner minister secretary director chair chairman chairwoman chairperson spokesman
        spokeswoman spokesperson manager head president mayor judge coach captain striker midfielder defender
        goalkeeper boss principal headteacher headmaster headmistress teacher doctor consultant surgeon nurse
        professor sergeant constable police crime and of the senior junior acting interim former shadow
        cabinet member mp mep governor senator representative sheriff attorney lawyer barrister solicitor qc kc
        prosecutor defence defense counsel campaigner founder owner partner trustee chancellor vice general
        commander colonel major lieutenant bishop reverend father pastor rabbi imam dr mr mrs ms miss
        """);

    /// <summary>
    /// Titles before a surname (the content format's v1 and v2 lists, plus common US forms), longest
    /// first so "Det Supt" wins over "Det"; with the gender each implies, when it does.
    /// </summary>
    public static readonly (string Title, Gender Gender)[] Titles = [.. new (string, Gender)[]
    {
        ("Mr", Gender.He), ("Mrs", Gender.She), ("Ms", Gender.She), ("Miss", Gender.She), ("Mx", Gender.Unknown),
        ("Dr", Gender.Unknown), ("Sir", Gender.He), ("Dame", Gender.She), ("Lord", Gender.He), ("Lady", Gender.She),
        ("Baroness", Gender.She), ("Baron", Gender.He), ("Cllr", Gender.Unknown), ("Councillor", Gender.Unknown),
        ("Prof", Gender.Unknown), ("Professor", Gender.Unknown), ("Rev", Gender.Unknown), ("Revd", Gender.Unknown),
        ("Reverend", Gender.Unknown), ("Supt", Gender.Unknown), ("Det Supt", Gender.Unknown), ("Ch Supt", Gender.Unknown),
        ("Det Ch Supt", Gender.Unknown), ("Chief Supt", Gender.Unknown), ("Insp", Gender.Unknown), ("Det Insp", Gender.Unknown),
        ("Ch Insp", Gender.Unknown), ("Det Ch Insp", Gender.Unknown), ("DCI", Gender.Unknown), ("DI", Gender.Unknown),
        ("DS", Gender.Unknown), ("Sgt", Gender.Unknown), ("Det Sgt", Gender.Unknown), ("PC", Gender.Unknown),
        ("DC", Gender.Unknown), ("PCSO", Gender.Unknown), ("Judge", Gender.Unknown), ("Justice", Gender.Unknown),
        ("Mr Justice", Gender.He), ("Mrs Justice", Gender.She), ("Lord Justice", Gender.He), ("Lady Justice", Gender.She),
        ("Chief Constable", Gender.Unknown), ("Deputy Chief Constable", Gender.Unknown), ("Assistant Chief Constable", Gender.Unknown),
        ("Commissioner", Gender.Unknown), ("Detective", Gender.Unknown), ("Inspector", Gender.Unknown), ("Sergeant", Gender.Unknown),
        ("Superintendent", Gender.Unknown), ("Detective Inspector", Gender.Unknown), ("Detective Sergeant", Gender.Unknown),
        ("Detective Superintendent", Gender.Unknown), ("Detective Chief Inspector", Gender.Unknown), ("Mayor", Gender.Unknown),
        ("Senator", Gender.Unknown), ("Sen", Gender.Unknown), ("Rep", Gender.Unknown), ("Gov", Gender.Unknown), ("Governor", Gender.Unknown),
        ("President", Gender.Unknown), ("Coach", Gender.Unknown), ("Father", Gender.He), ("Sister", Gender.She), ("Bishop", Gender.Unknown),
        ("Canon", Gender.Unknown), ("Captain", Gender.Unknown), ("Capt", Gender.Unknown), ("Officer", Gender.Unknown),
    }.OrderByDescending(t => t.Item1.Length)];

    /// <summary>Each title's words, longest title first, for matching token by token.</summary>
    public static readonly (string[] Words, Gender Gender)[] TitleWords = [.. Titles.Select(t => (t.Title.Split(' '), t.Gender))];

    private static readonly FrozenDictionary<string, Gender> GenderByTitle =
        Titles.GroupBy(t => t.Title, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(g => g.Key, g => g.First().Gender, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> TitleOrRole =
        RoleWords.Concat(Titles.Where(t => !t.Title.Contains(' ')).Select(t => t.Title)).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>A title or role word that may stand before a name ("Dr", "Cllr", "Superintendent", "board", "President").</summary>
    public static bool IsTitleWord(string word) => TitleOrRole.Contains(word);

    public static bool IsTitle(string title) => GenderByTitle.ContainsKey(title);

    /// <summary>Letters after a name that stand before a caption's colon: "Leila Haddad KC:".</summary>
    public static readonly FrozenSet<string> PostNominals = Set("KC QC MP MEP MSP OBE MBE CBE JP PhD MD Jr Sr");

    /// <summary>"Stansfeld’s", "victim's": a word ending in an apostrophe and s.</summary>
    public static bool EndsWithApostropheS(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);

    public static Gender TitleGender(string title) => GenderByTitle.GetValueOrDefault(title, Gender.Unknown);

    /// <summary>Nouns that describe a person or people without naming them, with the gender each carries.</summary>
    public static readonly FrozenDictionary<string, Gender> PersonNouns = BuildPersonNouns();

    private static FrozenDictionary<string, Gender> BuildPersonNouns()
    {
        var d = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        void Add(string words, Gender g) { foreach (var w in words.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)) d[w] = g; }
        Add("""
            mother woman girl daughter wife sister grandmother grandma aunt niece widow spokeswoman chairwoman
            businesswoman policewoman councilwoman congresswoman headmistress girlfriend mum mom stepmother actress
            """, Gender.She);
        Add("""
            father man boy son husband brother grandfather grandad uncle nephew widower spokesman chairman businessman
            policeman councilman congressman headmaster boyfriend dad stepfather actor
            """, Gender.He);
        Add("""
            spokesperson person resident victim survivor officer source neighbour neighbor friend witness teacher
            parent worker manager director official insider campaigner member relative pensioner driver passenger
            patient doctor nurse student pupil fan supporter player coach colleague employee executive councillor
            lawyer barrister solicitor prosecutor investigator expert analyst leader owner customer trader shopper
            motorist commuter local onlooker bystander activist volunteer carer child teenager youngster adult
            official representative partner director governor trustee inspector detective detectives constable
            sergeant paramedic firefighter juror judge magistrate coroner landlord tenant homeowner developer
            spokesperson organiser organizer founder insider observer critic historian economist scientist researcher
            psychologist consultant surgeon midwife headteacher principal caller reader viewer listener mourner
            """, Gender.Unknown);
        Add("""
            residents victims survivors officers sources neighbours neighbors friends witnesses teachers parents workers
            managers directors officials insiders campaigners members relatives families pensioners drivers passengers
            patients doctors nurses students pupils fans supporters players colleagues employees executives councillors
            lawyers experts analysts leaders owners customers traders locals activists volunteers carers children
            teenagers people mothers fathers women men girls boys critics protesters protestors police prosecutors
            investigators inspectors detectives jurors staff bosses chiefs ministers mps
            """, Gender.They);
        // Documents that "say" what they contain: the review's words are the review's.
        Add("""
            review report inquiry investigation statement letter judgment judgement ruling study survey audit document
            email post petition complaint lawsuit indictment filing minutes verdict assessment evaluation analysis
            """, Gender.They);
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public static readonly FrozenSet<string> Determiners = Set("a an the one another two three four several some many a few his her their its this that");

    /// <summary>Words that make a run of capitalised words a body or a place rather than a person.</summary>
    public static readonly FrozenSet<string> BodyWords = Set("""
        council police court office service services trust hospital university college school academy church street
        road avenue lane square park station airport centre center hall house party department ministry committee
        commission agency authority board group association society union club fc united city county borough
        valley mail news times post guardian telegraph bbc itv sky radio television tv inquiry review report
        limited ltd plc inc corporation company bank fund foundation institute parliament assembly government
        cabinet executive force prison unit team league cup crown national royal county district village town
        north south east west northern southern eastern western
        """);

    /// <summary>Capitalised words that begin sentences or titles without being names.</summary>
    public static readonly FrozenSet<string> NotNames = Set("""
        the a an but and in on at for of to with by from as if when while after before speaking however it this that
        there their they he she his her we our i you my its mr mrs ms dr sir monday tuesday wednesday thursday friday
        saturday sunday january february march april may june july august september october november december
        yesterday today last next according during since despite although though because so also earlier later
        """);

    /// <summary>Common first names whose gender is clear, to recognise an unlisted person who is named ("Joanna Simons").</summary>
    public static readonly FrozenDictionary<string, Gender> FirstNames = BuildFirstNames();

    private static FrozenDictionary<string, Gender> BuildFirstNames()
    {
        var d = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in """
            mary patricia jennifer linda elizabeth barbara susan jessica sarah sara karen nancy lisa betty margaret sandra
            ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia
            kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel
            carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina
            joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sophie charlotte lucy
            grace chloe ella jane joanna joanne jo alison claire clare louise nicola natalie gemma kate katie fiona
            maggie margaret jill gillian sue hilary harriet amelia isla ava mia poppy ruby freya eleanor georgia
            abigail bethany jasmine zoe yvonne wendy tracey tracy lorraine paula dawn beverley denise julia caroline
            priya aisha fatima amira leila maya nadia sian siobhan aoife niamh bronwen rhiannon carys cerys
            tina theresa priti yasmin shabana
            """.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)) d[n] = Gender.She;
        foreach (var n in """
            james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony
            mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
            jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank
            alexander raymond patrick jack dennis jerry tyler aaron henry adam peter nathan harry oliver noah charlie
            alfie freddie archie leo oscar theo arthur tom tommy ben sam joe dan dave mike steve rob bob jim tim
            nick chris phil ian neil keith graham colin trevor derek roger simon martin alan stuart stewart craig
            lee darren wayne dean shaun sean barry terry tony malcolm nigel gordon hugh rory callum liam connor
            declan ciaran niall gareth rhys dylan owen huw dafydd mohammed muhammad ahmed ali omar hassan imran
            rajesh sanjay vikram ravi arjun kwame kofi boris keir rishi jeremy
            """.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)) d[n] = Gender.He;
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
