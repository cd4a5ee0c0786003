/* cues.c: the cue lexicon and its matcher. Each form is hashed by its first word into an
 * open-addressing table, so a token costs one probe: the tokenizer already computed the
 * word's hash. Multiword forms (went on, according to, said in a statement) chain on
 * their first word and the longest match wins. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "cues.h"

/* The lexicon. Before the colon: i = the speaker may follow the verb (said Arthur),
 * t = an addressee follows (told reporters), a = the source follows (according to),
 * c = names or judges rather than reports speech (called it "a con"), n = the -s and -ing
 * forms are common nouns (notes, warnings) and count only next to a quote; x = the first
 * form is no base form (put it); l = learned from PolNeAR (cues_learned.c), for reported
 * speech only; j = an adjective of a view, read after a form of be (is critical of). The first
 * form of a verb is its base form, weak (say, note); an -ing form marks a participle. */
const char *const vb_cue_lexicon[] = {
  "i:say|says|said|saying", "i:add|adds|added|adding", "i:ask|asks|asked|asking",
  "i:write|writes|wrote|writing", "i:tweet|tweets|tweeted|tweeting",
  "i:continue|continues|continued|continuing", "i:go on|goes on|went on|going on",
  "i:explain|explains|explained|explaining", "in:note|notes|noted|noting",
  "i:recall|recalls|recalled|recalling", "i:insist|insists|insisted|insisting",
  "i:argue|argues|argued|arguing", "in:warn|warns|warned|warning",
  "in:reply|replies|replied|replying", "i:respond|responds|responded|responding",
  "in:answer|answers|answered|answering", "i:acknowledge|acknowledges|acknowledged|acknowledging",
  "i:admit|admits|admitted|admitting", "i:concede|concedes|conceded|conceding",
  "in:claim|claims|claimed|claiming", "i:contend|contends|contended|contending",
  "i:maintain|maintains|maintained|maintaining", "i:assert|asserts|asserted|asserting",
  "i:declare|declares|declared|declaring", "in:state|states|stated|stating",
  "i:announce|announces|announced|announcing", "i:observe|observes|observed|observing",
  "in:remark|remarks|remarked|remarking", "in:comment|comments|commented|commenting",
  "in:joke|jokes|joked|joking", "i:quip|quips|quipped|quipping", "i:boast|boasts|boasted|boasting",
  "i:brag|brags|bragged|bragging", "i:complain|complains|complained|complaining",
  "i:lament|laments|lamented|lamenting", "i:predict|predicts|predicted|predicting",
  "i:suggest|suggests|suggested|suggesting", "i:stress|stresses|stressed|stressing",
  "i:emphasize|emphasizes|emphasized|emphasizing", "i:point out|points out|pointed out|pointing out",
  "i:reiterate|reiterates|reiterated|reiterating", "in:repeat|repeats|repeated|repeating",
  "i:conclude|concludes|concluded|concluding", "in:counter|counters|countered|countering",
  "i:retort|retorts|retorted|retorting", "i:exclaim|exclaims|exclaimed|exclaiming",
  "in:shout|shouts|shouted|shouting", "i:yell|yells|yelled|yelling",
  "i:scream|screams|screamed|screaming", "in:whisper|whispers|whispered|whispering",
  "i:mutter|mutters|muttered|muttering", "in:post|posts|posted|posting",
  "in:report|reports|reported|reporting", "i:reveal|reveals|revealed|revealing",
  "i:disclose|discloses|disclosed|disclosing", "i:confirm|confirms|confirmed|confirming",
  "i:deny|denies|denied|denying", "i:testify|testifies|testified|testifying",
  "i:agree|agrees|agreed|agreeing", "i:wonder|wonders|wondered|wondering",
  "i:muse|muses|mused|musing", "in:laugh|laughs|laughed|laughing", "i:opine|opines|opined|opining",
  "in:pledge|pledges|pledged|pledging", "i:vow|vows|vowed|vowing", "in:promise|promises|promised|promising",
  "i:swear|swears|swore|swearing", "i:threaten|threatens|threatened|threatening",
  "i:caution|cautions|cautioned|cautioning", "i:urge|urges|urged|urging",
  "i:plead|pleads|pleaded|pleading", "in:charge|charges|charged|charging",
  "i:allege|alleges|alleged|alleging", "i:proclaim|proclaims|proclaimed|proclaiming",
  "i:elaborate|elaborates|elaborated|elaborating", "i:clarify|clarifies|clarified|clarifying",
  "i:recount|recounts|recounted|recounting", "i:remember|remembers|remembered|remembering",
  "i:mention|mentions|mentioned|mentioning", "i:hint|hints|hinted|hinting",
  "i:indicate|indicates|indicated|indicating", "in:email|emails|emailed|emailing",
  "i:chime in|chimes in|chimed in|chiming in", "i:interject|interjects|interjected|interjecting",
  "i:scoff|scoffs|scoffed|scoffing", "i:snap|snaps|snapped|snapping", "in:sigh|sighs|sighed|sighing",
  "i:marvel|marvels|marveled|marveling", "i:gush|gushes|gushed|gushing",
  "i:add in a statement|adds in a statement|added in a statement",
  "i:say in a statement|says in a statement|said in a statement|saying in a statement",
  "i:say in an interview|says in an interview|said in an interview",
  "i:say in a tweet|says in a tweet|said in a tweet", "i:say in a speech|says in a speech|said in a speech",
  "i:say on twitter|says on twitter|said on twitter", "i:write on twitter|writes on twitter|wrote on twitter",
  "i:write in a statement|writes in a statement|wrote in a statement",
  "i:write on facebook|writes on facebook|wrote on facebook", "i:say in an email|says in an email|said in an email",
  "t:tell|tells|told|telling", "t:inform|informs|informed|informing", "t:assure|assures|assured|assuring",
  "t:remind|reminds|reminded|reminding", "t:advise|advises|advised|advising",
  "r:call on|calls on|called on|calling on", "r:call out|calls out|called out|calling out",
  "c:call|calls|called|calling", "c:describe|describes|described|describing", "c:dub|dubs|dubbed|dubbing",
  "c:label|labels|labeled|labeling|labelled|labelling", "c:brand|brands|branded|branding",
  "c:praise|praises|praised|praising", "c:criticize|criticizes|criticized|criticizing",
  "c:slam|slams|slammed|slamming", "c:blast|blasts|blasted|blasting", "cn:attack|attacks|attacked|attacking",
  "c:mock|mocks|mocked|mocking", "c:accuse|accuses|accused|accusing", "c:blame|blames|blamed|blaming",
  "c:dismiss|dismisses|dismissed|dismissing", "c:defend|defends|defended|defending",
  "c:denounce|denounces|denounced|denouncing", "c:decry|decries|decried|decrying",
  "c:hail|hails|hailed|hailing", "c:tout|touts|touted|touting", "c:refer to|refers to|referred to|referring to",
  "c:cite|cites|cited|citing", "c:characterize|characterizes|characterized|characterizing",
  "c:liken|likens|likened|likening", "c:portray|portrays|portrayed|portraying", "c:deride|derides|derided|deriding",
  "c:lambaste|lambastes|lambasted|lambasting", "c:chide|chides|chided|chiding", "c:scold|scolds|scolded|scolding",
  "c:laud|lauds|lauded|lauding", "c:depict|depicts|depicted|depicting", "c:assail|assails|assailed|assailing",
  "c:berate|berates|berated|berating", "c:excoriate|excoriates|excoriated|excoriating",
  "c:lampoon|lampoons|lampooned|lampooning",
  "cn:question|questions|questioned|questioning", "c:reject|rejects|rejected|rejecting",
  "c:ridicule|ridicules|ridiculed|ridiculing", "c:condemn|condemns|condemned|condemning",
  "i:herald|heralds|heralded|heralding", "i:read|reads|reading", "in:offer|offers|offered|offering", "i:worry|worries|worried|worrying", "i:demand|demands|demanded|demanding",
  "i:shoot back|shoots back|shot back|shooting back", "i:fire back|fires back|fired back|firing back",
  "i:push back|pushes back|pushed back|pushing back", "i:write back|writes back|wrote back|writing back", "ix:put it|puts it|putting it",
  "i:confess|confesses|confessed|confessing", "i:bark|barks|barked|barking", "i:beam|beams|beamed",
  "i:surmise|surmises|surmised|surmising", "i:fume|fumes|fumed|fuming", "i:exhort|exhorts|exhorted|exhorting",
  "in:cry|cries|cried|crying", "in:chant|chants|chanted|chanting", "in:press|presses|pressed",
  "i:cut in|cuts in|cutting in", "i:inquire|inquires|inquired|inquiring|enquire|enquires|enquired|enquiring",

  "r:think|thinks|thought|thinking", "r:believe|believes|believed|believing", "r:know|knows|knew",
  "r:feel|feels|felt", "r:expect|expects|expected", "r:hope|hopes|hoped|hoping",
  "rn:fear|fears|feared|fearing", "rn:doubt|doubts|doubted|doubting", "r:suspect|suspects|suspected",
  "r:assume|assumes|assumed", "r:understand|understands|understood", "r:realize|realizes|realized|realise|realised",
  "r:recognize|recognizes|recognized|recognise|recognised", "r:consider|considers|considered|considering",
  "rn:view|views|viewed", "r:see|sees|saw", "r:regard|regards|regarded", "r:imagine|imagines|imagined",
  "rn:estimate|estimates|estimated|estimating", "rn:project|projects|projected", "rn:forecast|forecasts|forecasted",
  "r:anticipate|anticipates|anticipated", "r:want|wants|wanted|wanting", "rn:wish|wishes|wished",
  "rn:plan|plans|planned|planning", "r:intend|intends|intended|intending", "rn:aim|aims|aimed|aiming",
  "r:seek|seeks|sought|seeking", "r:refuse|refuses|refused|refusing", "r:decline|declines|declined|declining",
  "rn:propose|proposes|proposed|proposing", "r:prefer|prefers|preferred", "rn:favor|favors|favored|favour|favours|favoured",
  "r:decide|decides|decided", "rn:request|requests|requested|requesting",
  "r:call for|calls for|called for|calling for", "r:push for|pushes for|pushed for|pushing for",
  "r:support|supports|supported|supporting", "r:oppose|opposes|opposed|opposing", "r:endorse|endorses|endorsed|endorsing",
  "rn:back|backs|backed|backing", "r:welcome|welcomes|welcomed|welcoming", "r:applaud|applauds|applauded|applauding",
  "r:embrace|embraces|embraced|embracing", "r:champion|champions|championed|championing",
  "rn:challenge|challenges|challenged|challenging", "rn:dispute|disputes|disputed|disputing",
  "r:lambaste|lambastes|lambasted|lambasting", "r:thank|thanks|thanked|thanking",
  "r:congratulate|congratulates|congratulated|congratulating", "r:apologize|apologizes|apologized|apologizing|apologise|apologised",
  "rn:highlight|highlights|highlighted|highlighting", "r:downplay|downplays|downplayed|downplaying",
  "r:show|shows|showed|shown|showing", "r:find|finds|found|finding", "r:demonstrate|demonstrates|demonstrated",
  "r:discuss|discusses|discussed|discussing", "r:talk about|talks about|talked about|talking about",
  "r:comment on|comments on|commented on|commenting on",
  "r:speak about|speaks about|spoke about|speaking about", "r:speak of|speaks of|spoke of",
  "r:express|expresses|expressed|expressing", "rn:voice|voices|voiced|voicing", "r:echo|echoes|echoed|echoing",
  "r:unveil|unveils|unveiled|unveiling", "r:outline|outlines|outlined|outlining", "rn:signal|signals|signaled|signalled|signaling",
  "r:recommend|recommends|recommended|recommending", "r:advocate|advocates|advocated|advocating",
  "r:encourage|encourages|encouraged|encouraging", "r:convince|convinces|convinced", "r:persuade|persuades|persuaded",
  "r:notify|notifies|notified", "r:vote for|votes for|voted for|voting for",
  "r:vote against|votes against|voted against|voting against", "r:accept|accepts|accepted", "r:speculate|speculates|speculated|speculating",
  "r:acknowledge that", "r:raise questions about|raised questions about|raising questions about",
  "r:make clear|makes clear|made clear|making clear", "r:take aim at|takes aim at|took aim at|taking aim at",
  "r:go after|goes after|went after|going after", "r:rail against|rails against|railed against|railing against",
  "r:argue for|argues for|argued for", "r:care about|cares about|cared about",
  "r:worry about|worries about|worried about", "r:complain about|complains about|complained about",
  "r:focus on|focuses on|focused on|focusing on", "r:weigh in on|weighs in on|weighed in on|weighing in on",
  "r:lash out at|lashes out at|lashed out at|lashing out at", "r:hit out at|hits out at|hitting out at",
  "r:side with|sides with|sided with|siding with", "r:spar with|spars with|sparred with|sparring with",
  "r:take issue with|takes issue with|took issue with|taking issue with",
  "r:portray|portrays|portrayed|portraying", "r:assail|assails|assailed|assailing",
  "r:invoke|invokes|invoked|invoking", "r:bemoan|bemoans|bemoaned|bemoaning",
  "r:allude to|alludes to|alluded to|alluding to", "r:lay out|lays out|laid out|laying out",
  "r:learn that|learns that|learned that|learning that", "r:nominate|nominates|nominated",
  "r:shrug off|shrugs off|shrugged off|shrugging off", "r:brush off|brushes off|brushed off|brushing off", "r:laugh off|laughs off|laughed off|laughing off", "r:double down on|doubles down on|doubled down on|doubling down on", "r:rule out|rules out|ruled out|ruling out", "r:play down|plays down|played down|playing down",
  "r:walk back|walks back|walked back|walking back", "r:fire back at|fires back at|fired back at|firing back at", "r:open up about|opens up about|opened up about|opening up about", "r:sign on to|signs on to|signed on to|signing on to", "r:speak out against|speaks out against|spoke out against|speaking out against", "r:take a swipe at|takes a swipe at|took a swipe at|taken a swipe at|taking a swipe at", "r:hint at|hints at|hinted at|hinting at", "r:stand by|stands by|stood by|standing by", "r:come out against|comes out against|came out against|coming out against", "r:vouch for|vouches for|vouched for|vouching for", "r:disagree on|disagrees on|disagreed on|disagreeing on", "r:agree with|agrees with|agreed with|agreeing with", "r:cast their votes for|cast his vote for|cast her vote for|cast a vote for|casting their votes for", "rx:would like",
  "rn:order|orders|ordered|ordering", "r:throw his support behind|throw his support to|throw her support behind|throw her support to|throw their support behind|throw their support to|throw its support behind|throw its support to|throws his support behind|throws his support to|throws her support behind|throws her support to|throws their support behind|throws their support to|throws its support behind|throws its support to|threw his support behind|threw his support to|threw her support behind|threw her support to|threw their support behind|threw their support to|threw its support behind|threw its support to|thrown his support behind|thrown his support to|thrown her support behind|thrown her support to|thrown their support behind|thrown their support to|thrown its support behind|thrown its support to|throwing his support behind|throwing his support to|throwing her support behind|throwing her support to|throwing their support behind|throwing their support to|throwing its support behind|throwing its support to", "r:lend his support to|lend her support to|lend their support to|lend its support to|lends his support to|lends her support to|lends their support to|lends its support to|lent his support to|lent her support to|lent their support to|lent its support to|lending his support to|lending her support to|lending their support to|lending its support to",   /* threw her support behind Lund: an endorsement */
  "r:point to|points to|pointed to|pointing to", "r:talk up|talks up|talked up|talking up",
  "r:speak out against|speaks out against|spoke out against|speaking out against",
  "r:cast doubt on|casts doubt on|casting doubt on", "r:make it clear|makes it clear|made it clear|making it clear",
  "r:make the case|makes the case|made the case|making the case", "r:vote to|votes to|voted to|voting to",
  "rn:rule that|rules that|ruled that|ruling that", "r:look for|looks for|looked for|looking for",
  /* adjectives of a view its subject holds, after a form of be: "Olde is critical of the
   * levy", "the pilots were confident that …", "she remains wary of" */
  "rjx:critical of", "rjx:skeptical of|skeptical about|sceptical of|sceptical about", "rjx:supportive of",
  "rjx:wary of", "rjx:dismissive of", "rjx:confident that|confident of", "rjx:hopeful that",
  "rjx:optimistic that|optimistic about", "rjx:pessimistic that|pessimistic about", "rjx:adamant that",
  "rjx:upbeat about", "rjx:proud of", "rjx:eager to", "rjx:reluctant to", "rjx:nervous about",
  "rjx:concerned that|concerned about", "rjx:aware that", "rjx:vocal about",
  "rjx:outspoken about|outspoken on|outspoken in", "rjx:unapologetic about|unapologetic in", "rjx:hostile to",
  "rjx:sympathetic to", "rjx:open to", "rjx:enthusiastic about", "rjx:unsparing in",
  "rjx:angry at|angry about|angry with", "rjx:upset about|upset with|upset at", "rjx:furious with|furious at|furious about",
  "rjx:frustrated with|frustrated by", "rjx:disappointed in|disappointed with|disappointed by", "rjx:happy with|unhappy with",
  "rjx:pleased with", "rjx:excited about", "rjx:fond of", "rjx:cool to|cool toward",
  "rjx:quick to", "rjx:confident in", "rjx:inclined to", "rjx:clear about", "rjx:unanimous in", "rjx:divided on|split on",
  "rjx:willing to|unwilling to", "rjx:tired of", "rjx:appreciative of", "rjx:shy about", "rjx:mum on|mum about",
  "rjx:comfortable with|uncomfortable with",
  /* a view of oneself its subject gives, after a reflexive: "Olde describes himself as a
   * friend of the port", "the firm bills itself as …" (its clause: the reflexive on) */
  "r:describe himself as|describes himself as|described himself as|describing himself as", "r:describe herself as|describes herself as|described herself as|describing herself as",
  "r:describe themselves as|describes themselves as|described themselves as|describing themselves as", "r:describe itself as|describes itself as|described itself as|describing itself as",
  "rx:cast himself as|casts himself as|casting himself as", "rx:cast herself as|casts herself as|casting herself as",
  "rx:cast themselves as|casts themselves as|casting themselves as", "rx:cast itself as|casts itself as|casting itself as",
  "r:present himself as|presents himself as|presented himself as|presenting himself as", "r:present herself as|presents herself as|presented herself as|presenting herself as",
  "r:present themselves as|presents themselves as|presented themselves as|presenting themselves as", "r:present itself as|presents itself as|presented itself as|presenting itself as",
  "r:portray himself as|portrays himself as|portrayed himself as|portraying himself as", "r:portray herself as|portrays herself as|portrayed herself as|portraying herself as",
  "r:portray themselves as|portrays themselves as|portrayed themselves as|portraying themselves as", "r:portray itself as|portrays itself as|portrayed itself as|portraying itself as",
  "r:bill himself as|bills himself as|billed himself as|billing himself as", "r:bill herself as|bills herself as|billed herself as|billing herself as",
  "r:bill themselves as|bills themselves as|billed themselves as|billing themselves as", "r:bill itself as|bills itself as|billed itself as|billing itself as",
  "r:style himself as|styles himself as|styled himself as|styling himself as", "r:style herself as|styles herself as|styled herself as|styling herself as",
  "r:style themselves as|styles themselves as|styled themselves as|styling themselves as", "r:style itself as|styles itself as|styled itself as|styling itself as",
  "r:see himself as|sees himself as|saw himself as|seeing himself as", "r:see herself as|sees herself as|saw herself as|seeing herself as",
  "r:see themselves as|sees themselves as|saw themselves as|seeing themselves as", "r:see itself as|sees itself as|saw itself as|seeing itself as",
  "r:view himself as|views himself as|viewed himself as|viewing himself as", "r:view herself as|views herself as|viewed herself as|viewing herself as",
  "r:view themselves as|views themselves as|viewed themselves as|viewing themselves as", "r:view itself as|views itself as|viewed itself as|viewing itself as",
  "r:identify himself as|identifies himself as|identified himself as|identifying himself as", "r:identify herself as|identifies herself as|identified herself as|identifying herself as",
  "r:identify themselves as|identifies themselves as|identified themselves as|identifying themselves as", "r:identify itself as|identifies itself as|identified itself as|identifying itself as",
  "r:position himself as|positions himself as|positioned himself as|positioning himself as", "r:position herself as|positions herself as|positioned herself as|positioning herself as",
  "r:position themselves as|positions themselves as|positioned themselves as|positioning themselves as", "r:position itself as|positions itself as|positioned itself as|positioning itself as",
  "r:paint himself as|paints himself as|painted himself as|painting himself as", "r:paint herself as|paints herself as|painted herself as|painting herself as",
  "r:paint themselves as|paints themselves as|painted themselves as|painting themselves as", "r:paint itself as|paints itself as|painted itself as|painting itself as",
  "r:tout himself as|touts himself as|touted himself as|touting himself as", "r:tout herself as|touts herself as|touted herself as|touting herself as",
  "r:tout themselves as|touts themselves as|touted themselves as|touting themselves as", "r:tout itself as|touts itself as|touted itself as|touting itself as",
  /* speech that judges its object: "spoke highly of the plan", "spoke out in favor of the levy" */
  /* a view of another its subject shows by a reflexive: "distanced himself from Bush" */
  "r:distance himself from|distances himself from|distanced himself from|distancing himself from", "r:distance herself from|distances herself from|distanced herself from|distancing herself from",
  "r:distance themselves from|distanced themselves from|distancing themselves from", "r:distance itself from|distances itself from|distanced itself from|distancing itself from",
  "r:align himself with|aligns himself with|aligned himself with|aligning himself with", "r:align herself with|aligns herself with|aligned herself with|aligning herself with",
  "r:speak highly of|speaks highly of|spoke highly of|speaking highly of|spoken highly of", "r:speak favorably of|speaks favorably of|spoke favorably of|speaking favorably of|spoken favorably of",
  "r:speak glowingly of|speaks glowingly of|spoke glowingly of|speaking glowingly of|spoken glowingly of", "r:speak fondly of|speaks fondly of|spoke fondly of|speaking fondly of|spoken fondly of",
  "r:speak warmly of|speaks warmly of|spoke warmly of|speaking warmly of|spoken warmly of", "r:speak out in favor of|speaks out in favor of|spoke out in favor of|speaking out in favor of",
  "r:speak out about|speaks out about|spoke out about|speaking out about", "r:speak out for|speaks out for|spoke out for|speaking out for",
  "r:rebut|rebuts|rebutted|rebutting", "r:rail at|rails at|railed at|railing at",
  "a:according to",
  NULL,
};

/* Word classes. Letters before the colon: s stop, t title, h honorific, o organisation,
 * p pronoun, d determiner, k skip, b boundary, c connector, m time, M male, F female,
 * r preposition, w relative, v speech noun; S a noun for people, a body or a document
 * (who may speak), q a quantity, y and x nouns of a man and of a woman, P a poll or a
 * survey, a an auxiliary. */
const char *const vb_word_lexicon[] = {
  "s:the a an in on at for to of and but or if when while as by with from this that these those it its "
  "he she we they i you your our my his her their who what why how where is are was were do does did go get "
  "read more related follow click watch sign subscribe quick no not yes after before during since because "
  "although though so then there here also just now today yesterday tomorrow meanwhile however still even only "
  "many most some all both each every other another one two three new last next first like unlike despite among "
  "about over under up down out via per yet instead indeed perhaps maybe sure thanks dear hey oh well let "
  "advertisement photo image video share tweet email print comments editor note update breaking exclusive "
  "opinion analysis top latest live see view join donate support home login contact amid amidst following "
  "throughout within without upon toward towards against across beyond behind below beside besides inside "
  "outside near around through until unless whether whereas thus therefore hence earlier later speaking "
  "asked addressing responding writing citing referring according eight nine ten four five six seven "
  "moreover furthermore additionally nevertheless nonetheless likewise otherwise between celebrating "
  "ultimately eventually initially separately elsewhere overall back minutes hours days weeks months years "
  "decades moments",
  "t:president vice attorney general secretary sen. senator rep. representative gov. governor mayor judge "
  "justice chief speaker leader director chairman chairwoman chair commissioner ambassador minister prime "
  "press deputy assistant special sheriff officer prof. professor rev. gen. lt. col. sgt. capt. adm. maj. "
  "candidate nominee democratic republican former congressman congresswoman councilman councilwoman "
  "spokesman spokeswoman pope king queen prince princess lord sir dame majority minority whip lt cmdr. "
  "superintendent treasurer comptroller senior executive founder ceo cfo coo chancellor engineer doctor "
  "coach detective inspector captain chef pastor rabbi imam father sister brother bishop cardinal "
  "lady dean provost trustee lawyer attorney analyst economist historian columnist anchor host "
  "councillor councilor councilmember alderman alderwoman assemblyman assemblywoman selectman manager "
  "planner supervisor administrator organizer organiser constable trooper commander sergeant lieutenant "
  "principal headmaster headteacher teacher nurse surgeon physician architect",
  "h:mr. mrs. ms. miss mx. dr. mr mrs ms dr",
  "o:department house senate committee party university college institute center centre council association "
  "news post times journal agency office bureau service foundation campaign court congress fund bank inc. "
  "corp. company group network commission administration union coalition project organization alliance "
  "federation league society board school hospital ministry army navy police church trust caucus club "
  "corporation reserve exchange press tribune herald daily magazine channel media radio hall city county "
  "states republicans democrats government watch institution clearinghouse firm llc llp partners associates "
  "tv cnn msnbc fox abc nbc cbs npr pbs ap reuters bloomberg politico gallup whitehouse",
  "p:he she they it i we you",
  "M:he mr. mr", "F:she mrs. ms. miss mrs ms",
  "d:the a an another this that these those his her their its our my your some many several two three one "
  "each every any both",
  "k:also has have had was were is are will would could should may might must can did does do later then "
  "previously recently reportedly repeatedly once again further just never often even already since publicly "
  "privately subsequently similarly simply quickly first ever still today yesterday tonight earlier flatly "
  "angrily bluntly tersely proudly sharply loudly quietly softly frankly candidly emphatically confidently "
  "immediately finally eventually initially originally not on last this week morning afternoon evening night "
  "has been had been have long now",
  "b:that which who whom whose and but or because when if as while where than to in on at by with from about "
  "after before over under said says is was are were be been being has have had not also so then there here "
  "what how why into against for of me him them us",
  "c:of for and the de la van von du on &",
  "m:monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
  "august september october november december",
  "r:at of for with",
  "w:who which whose whom where when",
  "S:campaign campaigns poll polls polling survey surveys report reports study studies group groups party "
  "parties government governments administration company companies committee office board court courts agency "
  "agencies media team staff police statement statements email emails letter letters memo ad ads video videos "
  "tweet tweets post release analysis analyses data records figures results findings book article story "
  "documents document filing filings lawsuit suit complaint ruling transcript research evidence numbers "
  "estimates review audit investigation bill law laws rules legislation platform website site page paper "
  "newspaper network networks outlet outlets magazine editorial column blog message speech interview account "
  "percent majority majorities minority everyone anyone nobody someone number handful dozens hundreds thousands "
  "son daughter",
  "S:mother father brother sister friend friends colleague colleagues source sources official officials aide "
  "aides allies ally staffer staffers members member voters public crowd audience base establishment leadership "
  "side sides camp circle wing state states country countries city town council commission department ministry "
  "foundation firm union unions movement organization organizations community couple trio panel chief head "
  "spokesman spokeswoman spokesperson spokespeople president senator senators governor governors nominee "
  "nominees candidate candidates judge judges justice justices secretary chairman chairwoman chair director "
  "executive executives mayor minister ambassador diplomat diplomats congressman congresswoman lawmaker "
  "lawmakers legislators legislature authorities authority experts expert critics critic analysts analyst "
  "economists economist rivals rival opponents opponent surrogates strategists pollster pollsters insiders "
  "observers",
  "S:delegates superdelegates donors backers fans residents citizens students workers employees employee users "
  "investors parents activists advocates protesters demonstrators conservatives liberals progressives "
  "republicans democrats moderates evangelicals veterans victims witnesses prosecutors lawyers lawyer attorneys "
  "attorney investigators researchers scientists doctors doctor teachers leaders leader manager managers "
  "adviser advisers advisor advisors consultant consultants operatives pundits commentators journalists "
  "journalist reporters reporter editors editor columnist host hosts anchor moderator moderators author authors "
  "writer writers speaker speakers organizers officers officer troops military army navy intelligence agents "
  "agent attendees participants respondents surveyed polled questioned interviewed familiar close briefed "
  "involved clerk porter guard guards chef maid cook crew cast boss guest guests pilot cashier barista butler "
  "nanny captain sheriff",
  "S:deputy marshal ranger scout pupil pupils boy boys girl girls grandmother grandfather niece nephew sons "
  "daughters baby adult adults elder elders sisters brothers wives husbands partner fiance fiancee neighbour "
  "neighbours chiefs guy guys folks pope mogul tycoon billionaire millionaire star celebrity incumbent hopeful "
  "front-runner frontrunner winner victim survivor widow mom dad kid kids child children teen youth veteran vet "
  "soldier soldiers marine marines cop cops nurse nurses priest bishop pastor rabbi imam cardinal king queen "
  "prince princess emperor dictator regime militants rebels gunman suspect defendant plaintiff witness juror "
  "jury tribunal senate house congress parliament cabinet caucus delegation embassy consulate chamber assembly "
  "electorate nation world industry sector market markets bank banks",
  "S:fund funds charity church school university college hospital clinic club league bureau desk service "
  "programme broadcast podcast plan proposal listing footnote note notes movie film play episode documentary "
  "cable passage excerpt petition memorandum brief motion order verdict decision opinion text commercial poster "
  "sign banner headline caption label manual guide handbook policy guidelines textbook memoir biography novel "
  "chapter essay op-ed dossier file log diary journal notebook tally count model forecast projection assessment "
  "calculations chart graph map table list ranking rating scorecard questionnaire census experiment test trial "
  "probe inquiry hearing testimony deposition affidavit indictment charges warrant subpoena judgment statute "
  "act amendment constitution treaty agreement deal contract manifesto communique bulletin newsletter notice "
  "announcement statistics stats disclosure disclosures quiz airline airlines carrier carriers force",
  /* the plurals of the nouns above (the lookup is by the written form) */
  "S:accounts acts actors administrations advisories affidavits agreements aldermen alerts ambassadors  "
  "amendments anchors anchormen announcements armies articles assemblies assemblymen assessments audiences  "
  "audits babies banners baristas bases bills billionaires biographies bishops blogs boards books boyfriends  "
  "briefs broadcasts bulletins bureaus businessmen butlers cabinets cables camps captains captions cardinals  "
  "cashiers casts celebrities chairs chairmen chairwomen chambers chapters charities charts chefs churches  "
  "circles cities clerks clinics clips clubs colleges columns columnists commercials commissions committees  "
  "communiques communities complaints congressmen congresswomen constitutions consulates contracts cooks  "
  "councils councilmen counts couples crews crowds dads deals decisions defendants delegations departments  "
  "depositions deputies desks diaries dictators directors dispatches documentaries dossiers dukes editorials  "
  "embassies emperors episodes essays excerpts experiments fathers feeds fiances fiancees files films firms  "
  "footnotes forecasts foundations front-runners frontrunners grandfathers grandmothers grandsons graphs  "
  "guides gunmen handbooks handfuls heads headlines hearings hopefuls hospitals houses images imams  "
  "incumbents indictments industries inquiries interviews investigations journals judgments jurors juries  "
  "kings labels lawsuits leagues legislatures lists listings logs lords magazines maids manifestos manuals  "
  "maps marshals mayors memos memoirs messages millionaires ministers ministries minorities models moguls  "
  "moms mothers motions movements movies nannies nations navies nephews newsletters newspapers nieces  "
  "notebooks notices novels offices op-eds opinions orders pages panels papers parliaments partners passages  "
  "pastors petitions photos pictures pilots plaintiffs plans platforms plays podcasts policies popes porters  "
  "posts posters presidents priests princes probes programmes projections proposals questionnaires rabbis  "
  "rangers rankings ratings recordings regimes releases reviews rulings schools scorecards scouts secretaries  "
  "sectors segments senates services sheriffs signs sites speeches spokesmen spokespersons spokeswomen stars  "
  "statutes stepfathers stepsons stories subpoenas suits survivors suspects tables tallies tapes teams teens  "
  "tests testimonies texts textbooks towns transcripts treaties trials tribunals trios tycoons universities  "
  "verdicts vets waiters warrants websites widows widowers wings winners youths",
  "S:people person persons individuals everybody somebody others press admiral admirals surgeon neurosurgeon resolution resolutions messages giant accord accords returns generation personnel progressives hawks evidence history math representatives scholars skeptics families "
  "alert advisory dispatch feed segment clip footage recording tape audio photo image picture minutes "
  "businessman councilman assemblyman alderman anchorman grandson boyfriend widower duke actor waiter sir lord "
  "stepson stepfather",
  "q:half third thirds quarter most many some few several others other both all none one two three four five "
  "each either another three-fourths two-thirds one-third one-fourth three-quarters one-quarter",
  "y:chairman spokesman congressman businessman councilman assemblyman alderman anchorman father son brother "
  "husband uncle nephew grandfather grandson boyfriend widower king prince duke actor waiter sir lord gentleman "
  "man boy stepson stepfather",
  "x:chairwoman spokeswoman congresswoman businesswoman councilwoman assemblywoman alderwoman anchorwoman "
  "mother daughter sister wife aunt niece grandmother granddaughter girlfriend widow queen princess duchess "
  "actress waitress dame lady woman girl stepdaughter stepmother",
  "P:poll polls survey surveys study studies polling rankings census tally count estimates analysis data "
  "figures",
  "a:will would could should may might must can do does did don't don’t didn't didn’t doesn't doesn’t won't "
  "wouldn't wouldn’t couldn't couldn’t shouldn't shouldn’t mustn't mustn’t "
  "won’t cannot can't can’t",
  "v:warning warnings comment comments claim claims statement statements remarks remark assertion contention "
  "promise argument suggestion insistence description prediction pledge vow accusation demand call message "
  "tweet tweets words response answer reply testimony admission speech account view belief declaration "
  "announcement explanation criticism complaint charge observation plea question request advice proposal "
  "assessment opinion letter post",
  /* the words the sentence rules of speech acts look for, a sentence without them passed by (A: italk.c's
   * verbs of talking, ibacking.c's nouns of backing, iholder.c's nouns of a stance, iparticiple.c's
   * participles, a cue without it; L: italk.c's light verbs, the commonest, a class of their own) */
  "A:speak speaks spoke spoken speaking talk talks talked talking write writes wrote written writing testified "
  "testifies testify tweeted joked preached lectured",
  "L:made make makes making gave give gives giving delivered delivers deliver delivering issued issues issuing "
  "offered offers offering took takes take taking raised raises raise raising voiced",
  "A:support backing endorsement endorsements criticism opposition condemnation rebuke rebukes attacks decision "
  "refusal proposal proposals call calls pledge pledges vow promise promises embrace assessment announcement suggestion",
  "A:supporting opposing endorsing favoring",
  NULL,
};

typedef struct form {
  size_t text;            /* offset of the form in words (NUL-separated words, then "") */
  int nwords;
  unsigned flags;
  unsigned hash;          /* of the first word */
  unsigned hash2;         /* of the second word (0: a one-word form), to reject at once */
  int next;               /* next form with the same first-word hash, or -1 */
  int plain;              /* the first word is ASCII a-z 0-9 ' . - & only (see match_form) */
} form;

/* A slot of the forms' table: the first word's hash beside the head of its chain of
 * forms (-1: empty), so that a probe reads the slots alone. */
typedef struct cueslot { unsigned hash; int f; } cueslot;

struct vb_cues {
  form *f;
  size_t nf;
  char *words;            /* every form's words, each NUL-terminated */
  char *names;            /* every form as written, NUL-terminated, same order */
  size_t *name_at;
  cueslot *slot;          /* open addressing on the first word's hash */
  size_t mask;
  vb_words w;                  /* the word classes (VB_W_*), also handed to the tokenizer */
  int clash;                   /* two words of w share a hash (see match_form) */
  pcre2_code **pat;
  char **pat_src;
  size_t npat;
};

static void seterr(char *err, size_t errsz, const char *msg) {
  if (err && errsz) snprintf(err, errsz, "%s", msg);
}

void vb_cues_free(vb_cues *c) {
  if (!c) return;
  for (size_t i = 0; i < c->npat; i++) { pcre2_code_free(c->pat[i]); free(c->pat_src[i]); }
  free(c->pat); free(c->pat_src);
  free(c->w.w); free(c->w.wtext); free(c->w.next8);
  free(c->f); free(c->words); free(c->names); free(c->name_at); free(c->slot);
  free(c);
}

size_t vb_cues_forms(const vb_cues *c) { return c->nf; }

const char *vb_cues_name(const vb_cues *c, int id) {
  if (id < 0) return NULL;
  if ((size_t)id < c->nf) return c->names + c->name_at[id];
  if ((size_t)id - c->nf < c->npat) return c->pat_src[id - c->nf];
  return NULL;
}

/* The first word of form e (len bytes) is an -ing form */
static int firstword_ing(const char *e, size_t len) {
  const char *sp = memchr(e, ' ', len);
  size_t w1 = sp ? (size_t)(sp - e) : len;
  return w1 > 3 && !memcmp(e + w1 - 3, "ing", 3);
}

/* Entry k of the built-in lexicon and then of the learned table (cues_learned.c), NULL
 * past their ends */
static const char *lexicon_entry(size_t k) {
  static size_t nlex = (size_t)-1;
  if (nlex == (size_t)-1) { size_t n = 0; while (vb_cue_lexicon[n]) n++; nlex = n; }
  if (k < nlex) return vb_cue_lexicon[k];
  return vb_cue_learned[k - nlex];
}

/* The bytes of a plain first word (see match_form) */
static const unsigned char plain_byte[256] = {
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
  ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
  ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1,
  ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['\''] = 1, ['.'] = 1, ['-'] = 1, ['&'] = 1,
};

static int lexicon_build(vb_cues *c) {
  size_t nf = 0, bytes = 0, k, fi = 0, wi = 0, ni = 0;
  for (k = 0; lexicon_entry(k); k++) {
    const char *e = strchr(lexicon_entry(k), ':') + 1;
    nf++;
    for (; *e; e++) if (*e == '|') nf++;
    bytes += strlen(lexicon_entry(k)) + 8;
  }
  c->f = calloc(nf, sizeof *c->f);
  c->words = malloc(bytes * 2);
  c->names = malloc(bytes);
  c->name_at = calloc(nf, sizeof *c->name_at);
  for (c->mask = 64; c->mask < nf * 4; c->mask <<= 1) {}
  c->slot = malloc(c->mask * sizeof *c->slot);
  if (!c->f || !c->words || !c->names || !c->name_at || !c->slot) return -1;
  c->mask--;
  for (size_t s = 0; s <= c->mask; s++) c->slot[s].f = -1;
  for (k = 0; lexicon_entry(k); k++) {
    const char *g = lexicon_entry(k), *e = strchr(g, ':') + 1;
    unsigned gflags = 0;
    int nth = 0, nouns = 0, strong = 0;
    for (const char *p = g; *p != ':'; p++) {
      if (*p == 'i') gflags |= VB_CUE_INV;
      else if (*p == 't') gflags |= VB_CUE_TELL;
      else if (*p == 'a') gflags |= VB_CUE_ACC;
      else if (*p == 'c') gflags |= VB_CUE_CALL;
      else if (*p == 'n') nouns = 1;
      else if (*p == 'x') strong = 1;
      else if (*p == 'r') gflags |= VB_CUE_REP;
      else if (*p == 'l') gflags |= VB_CUE_LEARNED;
      else if (*p == 'j') gflags |= VB_CUE_STATE;
    }
    while (*e) {
      const char *end = strchr(e, '|');
      size_t len = end ? (size_t)(end - e) : strlen(e);
      form *f = &c->f[fi];
      size_t firstlen;
      f->flags = gflags;
      /* the first word tells a participle: "calling for", "talking about" */
      if (firstword_ing(e, len)) f->flags |= VB_CUE_ING;
      else if (nth == 0 && !strong && !(gflags & VB_CUE_ACC)) f->flags |= VB_CUE_WEAK | VB_CUE_BASE;   /* base form */
      if (nouns && nth > 0 && (nth == 1 || (f->flags & VB_CUE_ING))) f->flags |= VB_CUE_WEAK;
      memcpy(c->names + ni, e, len);
      c->names[ni + len] = 0;
      c->name_at[fi] = ni;
      ni += len + 1;
      f->text = wi;
      f->nwords = 1;
      firstlen = len;
      for (size_t z = 0; z < len; z++) {
        if (e[z] == ' ') {
          if (f->nwords == 1) firstlen = z;
          c->words[wi++] = 0;
          f->nwords++;
        } else c->words[wi++] = e[z];
      }
      c->words[wi++] = 0;
      {
        unsigned char plain = 1;
        for (size_t z = 0; z < firstlen; z++) plain &= plain_byte[(unsigned char)e[z]];
        f->plain = plain;
      }
      f->hash = vb_word_hash(e, firstlen);
      f->hash2 = 0;
      if (f->nwords > 1) {
        const char *w2 = c->words + f->text + firstlen + 1;
        f->hash2 = vb_word_hash(w2, strlen(w2));
      }
      {
        size_t s = f->hash & c->mask;
        int prev = -1;
        /* chain forms that share a first word; the slot holds the chain's head. Longer
         * forms first, in lexicon order among forms of a length: the first that matches
         * is the one cue_at takes (the longest, the first of them) */
        while (c->slot[s].f >= 0 && c->slot[s].hash != f->hash) s = (s + 1) & c->mask;
        f->next = -1;
        if (c->slot[s].f < 0) {
          c->slot[s].f = (int)fi;
          c->slot[s].hash = f->hash;
        } else if (c->f[c->slot[s].f].nwords < f->nwords) {
          f->next = c->slot[s].f;
          c->slot[s].f = (int)fi;
        } else {
          prev = c->slot[s].f;
          while (c->f[prev].next >= 0 && c->f[c->f[prev].next].nwords >= f->nwords) prev = c->f[prev].next;
          f->next = c->f[prev].next;
          c->f[prev].next = (int)fi;
        }
      }
      fi++;
      nth++;
      e += len + (end ? 1 : 0);
      if (!end) break;
    }
  }
  c->nf = fi;
  return 0;
}

/* Words are stored as pointers into the lexicon strings, with their lengths. */
static void wput(vb_cues *c, const char *p, size_t len, unsigned cl) {
  unsigned h = vb_word_hash(p, len);
  vb_words *W = &c->w;
  size_t sl = h & W->mask;
  if (len > 255) return;
  while (W->w[sl].hash && !(W->w[sl].hash == h && W->w[sl].len == len && !strncmp(W->wtext[sl], p, len))) {
    if (W->w[sl].hash == h) c->clash = 1;      /* another word of this hash */
    sl = (sl + 1) & W->mask;
  }
  W->w[sl].hash = h; W->wtext[sl] = p; W->w[sl].len = (uint8_t)len; W->w[sl].cls = (uint16_t)(W->w[sl].cls | (cl & 0xFFFF));
  W->w[sl].cls2 = (uint8_t)(W->w[sl].cls2 | (cl >> 16));
  W->w[sl].first8 = 0;
  for (size_t j = 0; j < len && j < 8; j++) W->w[sl].first8 |= (uint64_t)((unsigned char)p[j] | 0x20) << (8 * j);
  W->next8[sl] = 0;
  for (size_t j = 8; j < len && j < 16; j++) W->next8[sl] |= (uint64_t)((unsigned char)p[j] | 0x20) << (8 * (j - 8));
  /* the bit-5 folding is exact for ASCII words only: a longer word with other bytes gets
   * a next8 no folded token has (bit 5 clear in every byte), and is compared in full */
  for (size_t j = 0; len > 8 && j < len && j < 16; j++)
    if ((unsigned char)p[j] >= 0x80) W->next8[sl] = 0x0101010101010101ull;
  W->bits[(h & 0xFFFF) >> 3] |= (unsigned char)(1u << (h & 7));
}

static int wordlist_build(vb_cues *c) {
  size_t nw = c->nf;
  for (size_t k = 0; vb_word_lexicon[k]; k++)
    for (const char *p = vb_word_lexicon[k]; *p; p++) if (*p == ' ' || *p == ':') nw++;
  for (c->w.mask = 64; c->w.mask < nw * 2; c->w.mask <<= 1) {}
  c->w.w = calloc(c->w.mask, sizeof *c->w.w);
  c->w.wtext = calloc(c->w.mask, sizeof *c->w.wtext);
  c->w.next8 = calloc(c->w.mask, sizeof *c->w.next8);
  if (!c->w.wtext || !c->w.next8) return -1;
  if (!c->w.w) return -1;
  c->w.mask--;
  c->w.listed = VB_W_CUE1;                      /* the tokenizer lists the cue words */
  for (size_t k = 0; vb_word_lexicon[k]; k++) {
    const char *g = vb_word_lexicon[k], *p = strchr(g, ':') + 1;
    unsigned cl = 0;
    static const char letters[] = "sthopdkbcmMFrwv-SqyxPaAL";   /* bit i of the VB_W_ enum */
    _Static_assert(sizeof letters - 1 <= 24, "a word slot holds 24 classes (vb_wslot's cls, cls2)");
    for (const char *q = g; *q != ':'; q++) {
      const char *at = strchr(letters, *q);
      if (at) cl |= 1u << (at - letters);
    }
    while (*p) {
      const char *e = strchr(p, ' ');
      size_t len = e ? (size_t)(e - p) : strlen(p);
      wput(c, p, len, cl);
      p += len + (e ? 1 : 0);
      if (!e) break;
    }
  }
  for (size_t f = 0; f < c->nf; f++) {          /* first words of cue forms */
    const char *w = c->words + c->f[f].text;
    wput(c, w, strlen(w), VB_W_CUE1);
  }
  return 0;
}

static unsigned wlookup(const vb_cues *c, const char *s, const vb_tok *t, size_t avail) {
  return vb_words_get(&c->w, s, t, avail);
}

const vb_words *vb_cues_words(const vb_cues *c) { return &c->w; }

unsigned vb_cues_wclass(const vb_cues *c, const char *s, const vb_tok *t) {
  return (t->flags & VB_T_WORD) ? wlookup(c, s, t, 0) & ~(unsigned)VB_W_CUE1 : 0;
}

void vb_cues_classify(const vb_cues *c, const char *s, const vb_tokens *T, unsigned *wc) {
  for (size_t k = 0; k < T->t.n; k++) wc[k] = vb_cues_wclass(c, s, &T->t.v[k]);
}

vb_cues *vb_cues_new(const char *const *pats, const size_t *lens, size_t npat, char *err, size_t errsz) {
  vb_cues *c = calloc(1, sizeof *c);
  if (!c || lexicon_build(c) || wordlist_build(c)) { vb_cues_free(c); seterr(err, errsz, "out of memory"); return NULL; }
  if (npat) {
    c->pat = calloc(npat, sizeof *c->pat);
    c->pat_src = calloc(npat, sizeof *c->pat_src);
    if (!c->pat || !c->pat_src) { vb_cues_free(c); seterr(err, errsz, "out of memory"); return NULL; }
  }
  for (size_t i = 0; i < npat; i++) {
    int code;
    PCRE2_SIZE eoff;
    size_t len = lens ? lens[i] : strlen(pats[i]);
    pcre2_code *re;
    if (len == 0) {
      if (err && errsz) snprintf(err, errsz, "cue pattern %zu: empty pattern", i + 1);
      vb_cues_free(c);
      return NULL;
    }
    /* a callout before every item counts the pattern's steps: the budget per text below */
    re = pcre2_compile((PCRE2_SPTR)pats[i], len, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_CASELESS | PCRE2_AUTO_CALLOUT,
                       &code, &eoff, NULL);
    if (!re) {
      PCRE2_UCHAR msg[160];
      pcre2_get_error_message(code, msg, sizeof msg);
      if (err && errsz) snprintf(err, errsz, "cue pattern %zu: %s at offset %zu", i + 1, (char *)msg, (size_t)eoff);
      vb_cues_free(c);
      return NULL;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);   /* no JIT (some platforms): the interpreter runs it */
    c->pat[i] = re;
    c->pat_src[i] = malloc(len + 1);
    c->npat = i + 1;
    if (!c->pat_src[i]) { vb_cues_free(c); seterr(err, errsz, "out of memory"); return NULL; }
    memcpy(c->pat_src[i], pats[i], len);
    c->pat_src[i][len] = 0;
  }
  return c;
}

/* Does form f match the tokens from k on? Returns the tokens it takes, 0 if not. Token k
 * is one the word table lists as a cue word, of f's first-word hash (cue_at): its bytes,
 * folded by bit 5, are those of a cue word of that hash. When no two words of the table
 * share a hash, that word is f's first word; and when it is plain (ASCII a-z 0-9 ' . - &,
 * onto which no byte of a word token folds but their own two cases) the folded compare
 * said what vb_tok_is would, so the first word is not compared again. */
static int match_form(const vb_cues *c, const form *f, const char *s, const vb_tokens *T, size_t k) {
  const char *w = c->words + f->text;
  int i = 0;
  /* the second word's hash settles most forms that do not match (a word equal to it,
   * case folded, has its hash) */
  if (f->nwords > 1 && (k + 1 >= T->t.n || T->t.v[k + 1].hash != f->hash2)) return 0;
  if (f->plain && !c->clash) {        /* the listing compared the first word already */
    w += (T->t.v[k].end - T->t.v[k].start) + 1;
    i = 1;
  }
  for (; i < f->nwords; i++) {
    const vb_tok *t;
    if (k + (size_t)i >= T->t.n) return 0;
    t = &T->t.v[k + (size_t)i];
    if (!(t->flags & VB_T_WORD) || !vb_tok_is(s, t, w)) return 0;
    w += (t->end - t->start) + 1;   /* the word matched, so it has the token's length */
  }
  return f->nwords;
}

static size_t tok_at(const vb_tokens *T, size_t off) {
  size_t lo = 0, hi = T->t.n;
  while (lo < hi) {           /* first token ending after off */
    size_t mid = (lo + hi) / 2;
    if (T->t.v[mid].end <= off) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* The lexicon's cues and the word classes of T's tokens. */
/* Token k is in a paragraph in title case (a headline: "Lindqvist Says Reyes Has …"),
 * whose speech verbs are capitalised too. *pi and *hl keep the last paragraph looked at
 * and the answer, so each paragraph is read once at most, and only for a capitalised cue
 * word inside a sentence. */
static int in_headline(const vb_tokens *T, size_t k, size_t *pi, int *hl) {
  size_t p = *pi, a, e, words = 0, caps = 0;
  while (p + 1 < T->para.n && T->para.v[p + 1] <= k) p++;
  if (p == *pi && *hl >= 0) return *hl;
  *pi = p;
  a = T->para.n ? T->para.v[p] : 0;
  e = p + 1 < T->para.n ? T->para.v[p + 1] : T->t.n;
  for (size_t z = a; z < e && words < 30; z++) {
    if (!(T->t.v[z].flags & VB_T_WORD)) continue;
    words++;
    if (T->t.v[z].flags & VB_T_CAP) caps++;
  }
  return *hl = words >= 3 && words < 30 && caps * 5 >= words * 4;
}

/* Token k, a cue form's first word: its cue, if one starts there, into T->cues. */
static int cue_at(const vb_cues *c, const char *s, vb_tokens *T, size_t k, size_t *pi, int *hl) {
  vb_tok *t = &T->t.v[k];
  size_t sl;
  int best = -1, bestlen = 0;
  /* cue words are lower case in running text ("States" and "Post" are names), but a
   * sentence may open with one: "Said the mayor: …" */
  if (!(t->flags & VB_T_LOWER) && !((t->flags & (VB_T_SENT)) && (t->flags & VB_T_CAP) && !(t->flags & VB_T_UPPER)) &&
      !(k > 0 && (t->flags & VB_T_CAP) && !(t->flags & VB_T_UPPER) && in_headline(T, k, pi, hl)))
    return 0;
  sl = t->hash & c->mask;
  while (c->slot[sl].f >= 0 && c->slot[sl].hash != t->hash) sl = (sl + 1) & c->mask;
  for (int fi = c->slot[sl].f; fi >= 0; fi = c->f[fi].next) {   /* longest first (lexicon_build) */
    int m = match_form(c, &c->f[fi], s, T, k);
    if (m > bestlen) { best = fi; bestlen = m; break; }
  }
  /* in a headline speech verbs ("Says"), and a verb of view in its -s or past form after
   * a name ("Endorses", "Calls For"); not a base form ("Want", "Support"), a participle,
   * nor a form that is a noun too ("Attacks") */
  if (best >= 0 && !(t->flags & VB_T_LOWER) && !(t->flags & VB_T_SENT) && (c->f[best].flags & (VB_CUE_REP | VB_CUE_WEAK)) &&
      ((c->f[best].flags & (VB_CUE_WEAK | VB_CUE_ING)) || !(T->t.v[k - 1].flags & VB_T_CAP)))
    best = -1;
  if (best >= 0) {
    vb_cuehit h;
    h.id = best; h.len = bestlen; h.end = T->t.v[k + (size_t)bestlen - 1].end; h.flags = c->f[best].flags; h.at = k;
    if (vb_push(&T->cues, h)) return -1;
    t->cue = (int)T->cues.n - 1;
  }
  return 0;
}

static int scan_lexicon(const vb_cues *c, const char *s, size_t n, vb_tokens *T, unsigned *wc) {
  /* classes the tokenizer found already (vb_tokens_build_words with this lexicon's words),
   * and the list of its cue words: then only those are visited */
  const unsigned *pre = T->wc.v && T->wc.n == T->t.n ? T->wc.v : NULL;
  size_t pi = 0;
  int hl = -1;
  if (pre) {
    if (wc) memcpy(wc, pre, T->t.n * sizeof *wc);
    if (vb_vgrow(&T->cues, T->cues.n + T->listed.n + 1)) return -1;   /* a cue at most per cue word */
    for (size_t j = 0; j < T->listed.n && T->listed.v[j] < T->t.n; j++)
      if (cue_at(c, s, T, T->listed.v[j], &pi, &hl)) return -1;
    return 0;
  }
  for (size_t k = 0; k < T->t.n; k++) {
    unsigned cl = (T->t.v[k].flags & VB_T_WORD) ? wlookup(c, s, &T->t.v[k], n - T->t.v[k].start) : 0;
    if (wc) wc[k] = cl & ~(unsigned)VB_W_CUE1;
    if ((cl & VB_W_CUE1) && cue_at(c, s, T, k, &pi, &hl)) return -1;
  }
  return 0;
}

int vb_cues_mark(const vb_cues *c, const char *s, size_t n, vb_tokens *T) { return vb_cues_scan(c, s, n, T, NULL); }

/* ---------------------------------------------------------------- user patterns */

/* PCRE2's match limit restarts at every start position, so a pattern that fails slowly
 * at each of them ("(?:a|\s)*+b;" on "a a a …;") costs the square of the text. A callout
 * before every item counts the steps instead, and a pattern may take this many per text
 * (a few per byte is usual: 0.1 to 0.5 on news prose). */
#define STEPS_FIXED 1000000ull
#define STEPS_PER_BYTE 100ull

typedef struct held { size_t a, b; } held;

typedef struct patstate {
  size_t off;                  /* where the search goes on */
  int done;                    /* no match left in the text */
  unsigned long long steps;    /* callouts so far */
  VB_VEC(held) held;           /* matches a later window sees again, or found ahead of it */
} patstate;

struct vb_cuescan {
  size_t npat;
  unsigned long long budget;
  patstate *cur;
  pcre2_match_data *md;
  pcre2_match_context *mc;
  patstate p[];
};

static int count_step(pcre2_callout_block *cb, void *data) {
  vb_cuescan *st = data;
  (void)cb;
  return ++st->cur->steps > st->budget ? PCRE2_ERROR_CALLOUT : 0;
}

vb_cuescan *vb_cuescan_new(const vb_cues *c, size_t n) {
  vb_cuescan *st;
  size_t np = c ? c->npat : 0;
  if (!(st = calloc(1, sizeof *st + np * sizeof *st->p))) return NULL;
  st->npat = np;
  st->budget = STEPS_FIXED + STEPS_PER_BYTE * (unsigned long long)n;
  if (!np) return st;
  st->md = pcre2_match_data_create(1, NULL);
  st->mc = pcre2_match_context_create(NULL);
  if (!st->md || !st->mc) { vb_cuescan_free(st); return NULL; }
  pcre2_set_match_limit(st->mc, 1000000);
  pcre2_set_depth_limit(st->mc, 1000000);
  pcre2_set_heap_limit(st->mc, 65536);        /* KiB of backtracking memory (the interpreter) */
  pcre2_set_callout(st->mc, count_step, st);
  return st;
}

void vb_cuescan_free(vb_cuescan *st) {
  if (!st) return;
  for (size_t p = 0; p < st->npat; p++) vb_vfree(&st->p[p].held);
  pcre2_match_data_free(st->md);
  pcre2_match_context_free(st->mc);
  free(st);
}

/* Match [a, b) of user pattern p as a cue of T's tokens: 0, or -1 when memory ran out. */
static int user_hit(const vb_cues *c, size_t p, vb_tokens *T, size_t a, size_t b) {
  size_t k = tok_at(T, a), e;
  vb_cuehit h;
  if (k >= T->t.n || T->t.v[k].start >= b || (T->t.v[k].flags & VB_T_QUOTE)) return 0;
  for (e = k; e < T->t.n && T->t.v[e].start < b; e++) {}
  if (T->t.v[k].cue >= 0 && T->cues.v[T->t.v[k].cue].end >= b) return 0;   /* the lexicon has it already */
  h.id = (int)(c->nf + p); h.len = (int)(e - k); h.end = b; h.flags = VB_CUE_INV | VB_CUE_USER; h.at = k;
  if (T->t.v[k].cue >= 0) T->cues.v[T->t.v[k].cue] = h;
  else {
    if (vb_push(&T->cues, h)) return -1;
    T->t.v[k].cue = (int)T->cues.n - 1;
  }
  return 0;
}

/* User pattern p over the window [b0, b1): the matches held from the last window, then
 * the search goes on until a match starts at b1 or later (held for the next one). Only
 * matches from keep on are held. */
static int scan_pattern(const vb_cues *c, const char *s, size_t n, vb_tokens *T, vb_cuescan *st, size_t p,
                        size_t b0, size_t b1, size_t keep) {
  patstate *P = &st->p[p];
  size_t nh = 0;
  for (size_t i = 0; i < P->held.n; i++) {
    held h = P->held.v[i];
    if (h.a >= b0 && h.a < b1 && user_hit(c, p, T, h.a, h.b)) return -1;
    if (h.a >= keep) P->held.v[nh++] = h;
  }
  P->held.n = nh;
  st->cur = P;
  while (!P->done && (!P->held.n || P->held.v[P->held.n - 1].a < b1)) {
    int rc;
    PCRE2_SIZE *ov;
    size_t a, b;
    if (P->off > n) { P->done = 1; break; }
    rc = pcre2_match(c->pat[p], (PCRE2_SPTR)s, n, P->off, 0, st->md, st->mc);
    if (rc < 0) {
      if (rc == PCRE2_ERROR_NOMATCH) { P->done = 1; break; }
      /* a runaway pattern is the user's to fix, not a lack of memory: say which one */
      if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
          rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_CALLOUT)
        return p < (size_t)INT_MAX - 2 ? -2 - (int)p : -1;
      return -1;
    }
    ov = pcre2_get_ovector_pointer(st->md);
    a = ov[0]; b = ov[1];
    P->off = b > a ? b : a + 1;
    while (P->off < n && ((unsigned char)s[P->off] & 0xC0) == 0x80) P->off++;
    if (b == a) continue;
    if (a < b1 && a >= b0 && user_hit(c, p, T, a, b)) return -1;
    if (a >= keep || a >= b1) {
      held h;
      h.a = a; h.b = b;
      if (vb_push(&P->held, h)) return -1;
    }
  }
  return 0;
}

int vb_cues_scan_window(const vb_cues *c, const char *s, size_t n, vb_tokens *T, unsigned *wc, vb_cuescan *st,
                        size_t b0, size_t b1, size_t keep) {
  if (scan_lexicon(c, s, n, T, wc)) return -1;
  for (size_t p = 0; p < c->npat; p++) {
    int rc = scan_pattern(c, s, n, T, st, p, b0, b1, keep);
    if (rc) return rc;
  }
  return 0;
}

/* Returns 0; -1 when memory ran out; -2 - p when user pattern p (0-based) hit PCRE2's
 * match, depth, heap or JIT stack limit or its budget of steps for the text (vb_analyze
 * passes that code on). */
int vb_cues_scan(const vb_cues *c, const char *s, size_t n, vb_tokens *T, unsigned *wc) {
  vb_cuescan *st;
  int rc;
  if (!c->npat) return scan_lexicon(c, s, n, T, wc);
  if (!(st = vb_cuescan_new(c, n))) return -1;
  rc = vb_cues_scan_window(c, s, n, T, wc, st, 0, SIZE_MAX, SIZE_MAX);
  vb_cuescan_free(st);
  return rc;
}
