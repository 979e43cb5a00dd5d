"""The records a reader writes down from each saved page of shared/archive-pages/, field by field.

Written by reading the pages (and, for the fields that come from an address, SOURCES.md's page
address), not from archcite's output. ``id`` is left out: it is derived, and tested elsewhere.
What a page does not state is absent here too.
"""

from __future__ import annotations

from typing import Any

CIA = {
    "digital-archive": "CIA FOIA Electronic Reading Room",
    "digital-archive-publisher": "Central Intelligence Agency",
}
FOUNDERS = {"digital-archive": "Founders Online", "digital-archive-publisher": "National Archives"}
GILDER_LEHRMAN = {
    "archive": "Gilder Lehrman Institute of American History",
    "archive_collection": "Gilder Lehrman Collection",
}
FRUS = "Foreign Relations of the United States"
LOC = {"archive": "Library of Congress", "archive-place": "Washington, D.C."}
EBB = {"collection-title": "National Security Archive Electronic Briefing Book"}


def crest_notes(decision: str, classification: str, created: str, sequence: str, content: str) -> str:
    return (
        f"Release Decision: {decision}\nOriginal Classification: {classification}\nDocument Creation Date: {created}\n"
        f"Sequence Number: {sequence}\nContent Type: {content}"
    )


EXPECTED: dict[str, dict[str, Any]] = {
    # --- FRUS: numbered heading, footnote marker glued on; source footnote.
    "frus/001.txt": {
        "type": "personal_communication",
        "genre": "Telegram",
        "title": "Telegram From the Department of State to the Embassy in Iran",
        "title-is-description": True,
        "author": [{"literal": "Department of State"}],
        "recipient": [{"literal": "Embassy in Iran"}],
        "container-title": FRUS,
        "number": "262",
        "archive": "Department of State",
        "archive_collection": "Central Files",
        "archive_location": "POL IRAN–U.S.",
        "note": "Secret; Priority; Nodis. Drafted and approved by Rostow on March 4.",
    },
    # 1918-48 volumes: file number and genre, then the addressee line.
    "frus/003.txt": {
        "type": "personal_communication",
        "genre": "Telegram",
        "title": "The Secretary of State to the Ambassador in Spain (Weddell)",
        "title-is-description": True,
        "author": [{"literal": "Secretary of State"}],
        "recipient": [{"literal": "Ambassador in Spain (Weddell)"}],
        "container-title": FRUS,
        "archive_location": "852.75 National Telephone Co./318",
    },
    "frus/004.txt": {
        "type": "personal_communication",
        "genre": "Telegram",
        "title": "The Chargé in Colombia (Keith) to the Secretary of State",
        "title-is-description": True,
        "author": [{"literal": "Chargé in Colombia (Keith)"}],
        "recipient": [{"literal": "Secretary of State"}],
        "container-title": FRUS,
        "archive_location": "810.20 Defense/5–2340",
    },
    "frus/005.txt": {
        "type": "document",
        "genre": "Memorandum",
        "title": (
            "Memorandum From the President’s Assistant for National Security Affairs (Kissinger) "
            "to Secretary of State Rogers"
        ),
        "title-is-description": True,
        "author": [{"literal": "President’s Assistant for National Security Affairs (Kissinger)"}],
        "recipient": [{"literal": "Secretary of State Rogers"}],
        "container-title": FRUS,
        "number": "168",
        "archive": "National Archives",
        "archive_collection": "RG 59, Central Files 1970–73",
        "archive_location": "POL US–USSR",
        "note": (
            "Secret; Sensitive; Eyes Only. Copies were sent to Haldeman and Mitchell. Written by hand at the top "
            "of the memorandum is: “At the Secretary’s request, this was shown only to him.” Stamped beneath is: "
            "“Retained in S/S–I due to extreme or continued sensitivity. No Distribution without S/S concurrence "
            "on a need-to-know.”"
        ),
    },
    # "File No." and the genre in brackets under the addressee line.
    "frus/007.txt": {
        "type": "personal_communication",
        "genre": "Telegram",
        "title": "The Secretary of State to the Ambassador in Russia (Francis)",
        "title-is-description": True,
        "author": [{"literal": "Secretary of State"}],
        "recipient": [{"literal": "Ambassador in Russia (Francis)"}],
        "container-title": FRUS,
        "archive_location": "811.142/3200",
    },
    "frus/009.txt": {
        "type": "personal_communication",
        "genre": "Telegram",
        "title": "The Secretary of State to the Embassy in the Soviet Union",
        "title-is-description": True,
        "author": [{"literal": "Secretary of State"}],
        "recipient": [{"literal": "Embassy in the Soviet Union"}],
        "container-title": FRUS,
        "archive_location": "711.61/4–2648",
    },
    "frus/010.txt": {
        "type": "document",
        "genre": "Memorandum of Conversation",
        "title": "Memorandum of Conversation",
        "title-is-description": True,
        "container-title": FRUS,
        "number": "290",
    },
    "frus/012.txt": {
        "type": "personal_communication",
        "genre": "Message",
        "title": "Message From the Station in Chile to the Central Intelligence Agency",
        "title-is-description": True,
        "author": [{"literal": "Station in Chile"}],
        "recipient": [{"literal": "Central Intelligence Agency"}],
        "container-title": FRUS,
        "number": "333",
        "archive": "Central Intelligence Agency",
        "archive_collection": "DDO Registry, DDO Policy and Management Files, 1974, June 26",
        "archive_location": "Job 80–00012A, Box 3, Folder 6",
        "note": (
            "Secret; Priority. The message is printed from a previously redacted copy; the original was examined "
            "by the editor but a copy was not provided for inclusion in this volume."
        ),
    },
    # --- CIA reading room: labelled fields; a CREST "Publication Date" is the document's date.
    "cia-crest/001.txt": {
        "type": "document",
        "title": "SYSTEMATIC CLASSIFICATION REVIEW AT NARS AND WNRC",
        "issued": {"date-parts": [[1980, 8, 28]]},
        "available-date": {"date-parts": [[2001, 11, 7]]},
        "number-of-pages": "53",
        "note": crest_notes("RIPPUB", "K", "December 12, 2016", "1", "MF"),
        "archive_location": "CIA-RDP93B01194R001000180001-1",
        **CIA,
        "digital-archive-id": "CIA-RDP93B01194R001000180001-1",
    },
    "cia-crest/002.txt": {
        "type": "document",
        "title": "RETENTION OF CLASSIFICATION OF UNEVALUATED INTELLIGENCE REPORTS",
        "available-date": {"date-parts": [[2001, 6, 11]]},
        "number-of-pages": "6",
        "note": crest_notes("RIPPUB", "K", "December 9, 2016", "2", "MF"),
        "archive_location": "CIA-RDP85B00236R000200010002-0",
        **CIA,
        "digital-archive-id": "CIA-RDP85B00236R000200010002-0",
    },
    # The same page flattened the other way (labels ending in a no-break space): the same record.
    "cia-crest/003.txt": {
        "type": "document",
        "title": "RETENTION OF CLASSIFICATION OF UNEVALUATED INTELLIGENCE REPORTS",
        "available-date": {"date-parts": [[2001, 6, 11]]},
        "number-of-pages": "6",
        "note": crest_notes("RIPPUB", "K", "December 9, 2016", "2", "MF"),
        "archive_location": "CIA-RDP85B00236R000200010002-0",
        **CIA,
        "digital-archive-id": "CIA-RDP85B00236R000200010002-0",
    },
    # The print view: the number and the OCR text only.
    "cia-crest/004.txt": {
        "type": "document",
        "archive_location": "CIA-RDP80B01676R001700130009-3",
        **CIA,
        "digital-archive-id": "CIA-RDP80B01676R001700130009-3",
    },
    "cia-crest/006.txt": {
        "type": "document",
        "title": "DAILY DIGEST",
        "issued": {"date-parts": [[1951, 10, 29]]},
        "available-date": {"date-parts": [[2006, 1, 10]]},
        "number-of-pages": "22",
        "note": crest_notes("RIPPUB", "T", "December 20, 2016", "1", "REPORT"),
        "archive_location": "CIA-RDP79T01146A000500130001-3",
        **CIA,
        "digital-archive-id": "CIA-RDP79T01146A000500130001-3",
    },
    "cia-crest/009.txt": {
        "type": "document",
        "title": (
            "AGENCY POLICY ON DECLASSIFICATION AND PUBLICATION OF AGENCY DOCUMENTS IN DEPARTMENT OF STATE SERIES"
        ),
        "issued": {"date-parts": [[1970, 2, 24]]},
        "available-date": {"date-parts": [[2004, 12, 1]]},
        "number-of-pages": "3",
        "note": crest_notes("RIPPUB", "K", "December 16, 2016", "23", "MF"),
        "archive_location": "CIA-RDP72-00310R000200270023-2",
        **CIA,
        "digital-archive-id": "CIA-RDP72-00310R000200270023-2",
    },
    "cia-crest/010.txt": {
        "type": "document",
        "title": "COORDINATION OF DOCUMENTS FROM DCI RECORD FILES,JOB NO 80B01676R, BOX 18 [HRP NO 91-1]",
        "issued": {"date-parts": [[1992, 1, 6]]},
        "available-date": {"date-parts": [[2002, 9, 3]]},
        "number-of-pages": "2",
        "note": crest_notes("RIPPUB", "S", "December 15, 2016", "2", "MF"),
        "archive_location": "CIA-RDP80B01676R001800010002-2",
        **CIA,
        "digital-archive-id": "CIA-RDP80B01676R001800010002-2",
    },
    # --- ArchivesSpace: title with the date appended, badge, sections; "From the ..." is inherited.
    "archivesspace/001.txt": {
        "type": "manuscript",
        "title-is-description": True,
        "title": "Record group system, guide",
        "issued": {"date-parts": [[2013], [2019]]},
        "archive_location": "Sub-Series 11.5, Box 145, Folder 7",
    },
    "archivesspace/002.txt": {
        "type": "collection",
        "genre": "Sub-Series",
        "title": "Sub-Series 1: Administrative Correspondence",
        "title-is-description": True,
        "issued": {"date-parts": [[1918], [1967]]},
        "abstract": (
            "Incoming correspondence from departments within the University, and libraries throughout the nation. "
            "Arranged by subject and then chronologically."
        ),
        "language": "en",
        "archive": "Special Collections and Archives Repository",
        "archive-place": "Cape Girardeau, Missouri",
    },
    "archivesspace/004.txt": {
        "type": "collection",
        "genre": "Sub-Series",
        "title": "Correspondence",
        "title-is-description": True,
        "issued": {"date-parts": [[1940], [2004]]},
        "abstract": (
            "Folders in this record group retain their original labels. Folders labeled “Board of Directors” are "
            "typically correspondence between board members and official correspondence from board members to "
            "regional governors or general membership. Folders labeled “Correspondence” are typically between "
            "board members and general membership. Materials are in order by year, with “Board of Directors” "
            "folders given precedence within years."
        ),
        "dimensions": "3 linear feet",
        "archive": "Michelle Smith Performing Arts Library",
        "archive-place": "College Park, MD",
    },
    "archivesspace/005.txt": {
        "type": "manuscript",
        "title-is-description": True,
        "title": "Outgoing",
        "issued": {"date-parts": [[1957], [1968]]},
        "abstract": "\n".join(
            [
                "These files primarily contain correspondence with individuals and organizations outside ABC. The "
                "initial correspondence is not attached. (Correspondence of a personal nature document the financial "
                "and logistical household arrangement including obtaining a housekeeper; camp registration for "
                "daughters; school deposits, etc.). Much correspondence concerns invitations accepted or declined, "
                "thank you letters for gifts, particularly gifts made to UCP; acknowledgments of donations to "
                "charities. The bulk of all outgoing correspondence for the months of December and January consist "
                "of thank-you notes for holiday gifts.",
                "Congratulatory Correspondence consists primarily of brief notes of a personal or business "
                "acquaintance nature (generally from individuals outside of ABC) recognizing an honor or award. These "
                "records include letters and telegrams with occasional newspaper or magazine clippings.",
                "Notes inserted throughout correspondence particularly from the 1960s indicate the removal of pieces "
                "of correspondence. These notes consist simply of legal notepaper with the initials C.P, the date of "
                "the correspondence and the names of the addresser and addressee.",
                "Correspondence and internal memoranda pre-dominate, but there are also newspaper and magazine "
                "clippings, reports, charts, pamphlets, scant photographs, promotional material, contracts, scripts, "
                "and transcripts, bulletins and newletters, charitable campaign literature, and related material.",
                "Note: A selection of burned General Correspondence originating from or to LGH from 1958 and 1959 was "
                "found separately from the bulk of the series. It appears they were mis-filed or interfiled with "
                "other records (Stations and Treyz Correspondence from the same time period.)",
            ]
        ),
    },
    "archivesspace/007.txt": {
        "type": "manuscript",
        "title-is-description": True,
        "title": "Public and Political: General: Political: Correspondence D - G.",
        "issued": {"date-parts": [[1951, 9, 29], [1957, 10, 19]]},
        "archive_location": "GBR/0014/CHUR 2/128A-B",
    },
    # --- Founders Online: "From X to Y, date", dateline, source note with MARC codes.
    "founders-online/001.txt": {
        "type": "personal_communication",
        "medium": "letter signed",
        "title": "From George Washington to Major General Horatio Gates",
        "title-is-description": True,
        "author": [{"family": "Washington", "given": "George"}],
        "recipient": [{"literal": "Major General Horatio Gates"}],
        "issued": {"date-parts": [[1778, 5, 18]]},
        "event-place": "Head Quarters Valley Forge",
        "collection-title": "George Washington Papers",
        # The edition that project publishes (founders.EDITIONS), named by its "Cite this" line.
        "container-title": "The Papers of George Washington",
        "archive": "New-York Historical Society",
        "archive-place": "New York",
        "archive_collection": "Gates Papers",
        "note": "LS, in James McHenry’s writing, NHi: Gates Papers; Df, DLC:GW; Varick transcript, DLC:GW.",
        **FOUNDERS,
    },
    # The API's text: the names as catalogue headings, no source note.
    "founders-online/002.txt": {
        "type": "personal_communication",
        "title": "From Thomas Jefferson to James Madison",
        "title-is-description": True,
        "author": [{"family": "Jefferson", "given": "Thomas"}],
        "recipient": [{"family": "Madison", "given": "James"}],
        "issued": {"date-parts": [[1787, 2, 7]]},
        "event-place": "Paris",
        **FOUNDERS,
    },
    "founders-online/005.txt": {
        "type": "personal_communication",
        "medium": "recipient's copy",
        "title": "To Thomas Jefferson from James Madison",
        "title-is-description": True,
        "author": [{"family": "Madison", "given": "James"}],
        "recipient": [{"family": "Jefferson", "given": "Thomas"}],
        "issued": {"date-parts": [[1795, 11, 8]]},
        "event-place": "Fredg.",
        "collection-title": "Thomas Jefferson Papers",
        # The edition that project publishes (founders.EDITIONS), named by its "Cite this" line.
        "container-title": "The Papers of Thomas Jefferson",
        **LOC,
        "archive_collection": "Madison Papers",
        "note": (
            "RC (DLC: Madison Papers); endorsed by TJ as received 18 Nov. 1795 from Fredericksburg and so recorded "
            "in SJL."
        ),
        **FOUNDERS,
    },
    # A search-results page showing one document.
    "founders-online/006.txt": {
        "type": "personal_communication",
        "medium": "recipient's copy",
        "title": "From Thomas Jefferson to James Madison",
        "title-is-description": True,
        "author": [{"family": "Jefferson", "given": "Thomas"}],
        "recipient": [{"family": "Madison", "given": "James"}],
        "issued": {"date-parts": [[1789, 7, 29]]},
        "event-place": "Paris",
        "collection-title": "Thomas Jefferson Papers",
        # The edition that project publishes (founders.EDITIONS), named by its "Cite this" line.
        "container-title": "The Papers of Thomas Jefferson",
        **LOC,
        "archive_collection": "Madison Papers",
        "note": (
            "RC (DLC: Madison Papers); partly in code; addressed: “The honorable James Madison of the Virginia "
            "delegation at New York.” PrC (DLC)."
        ),
        **FOUNDERS,
    },
    "founders-online/007.txt": {
        "type": "personal_communication",
        "medium": "recipient's copy",
        "title": "To James Madison from Thomas Jefferson",
        "title-is-description": True,
        "author": [{"family": "Jefferson", "given": "Thomas"}],
        "recipient": [{"family": "Madison", "given": "James"}],
        "issued": {"date-parts": [[1789, 9, 17]]},
        "event-place": "Paris",
        "collection-title": "James Madison Papers",
        # The edition that project publishes (founders.EDITIONS), named by its "Cite this" line.
        "container-title": "The Papers of James Madison",
        **LOC,
        "note": "RC (DLC); FC (DLC: Jefferson Papers). RC addressed by Jefferson.",
        **FOUNDERS,
    },
    # --- Gilder Lehrman: "Author to Recipient", one run of labelled fields, catalogue headings.
    "gilder-lehrman/001.txt": {
        "type": "personal_communication",
        "medium": "Manuscript letter signed",
        "title": "Washington, George, 1732-1799 to Anthony Walton White",
        "title-is-description": True,
        "author": [{"family": "Washington", "given": "George"}],
        "recipient": [{"family": "White", "given": "Anthony Walton"}],
        "issued": {"date-parts": [[1777, 8, 1]]},
        "event-place": "Wilmington, Delaware",
        "abstract": (
            "Washington writes that the recipient should scrutinize the characters of his men and immediately "
            'dismount any suspicious ones since "the loss of a worthless soldier will occasion less regret when it '
            'is not accompanied with that of a Horse and Accoutrements." Written in response to the disappearance '
            "of a horse from White's unit."
        ),
        "number-of-pages": "1",
        "dimensions": "Height: 21.6 cm, Width: 25.1 cm",
        **GILDER_LEHRMAN,
        "archive_location": "GLC04859",
    },
    # "Place Written: s.l.": no place.
    "gilder-lehrman/003.txt": {
        "type": "personal_communication",
        "medium": "Letter signed",
        "title": "Washington, George, 1732-1799 to John Hazelwood",
        "title-is-description": True,
        "author": [{"family": "Washington", "given": "George"}],
        "recipient": [{"family": "Hazelwood", "given": "John"}],
        "issued": {"date-parts": [[1777, 9, 23]]},
        "abstract": (
            "As commander-in-chief, sending confidential orders to Commodore John Hazelwood, introducing Captain "
            'Samuel Treat, who is delivering "a message of so interesting and important a nature, that I thought it '
            "unadviseable to commit it to writing.…\" Per the orders conveyed by Capt. Treat, Hazelwood's garrison "
            "at Fort Mifflin on the Delaware River delayed the British fleet until Washington's troops could safely "
            "reach winter quarters at Valley Forge."
        ),
        "number-of-pages": "1",
        **GILDER_LEHRMAN,
        "archive_location": "GLC09378",
    },
    # No Author/Creator: the unsigned letter's writer is not guessed from the headings.
    "gilder-lehrman/005.txt": {
        "type": "personal_communication",
        "medium": "Autograph letter",
        "title": "to Hill",
        "title-is-description": True,
        "recipient": [{"literal": "Hill"}],
        "issued": {"date-parts": [[1879, 7, 8]]},
        "abstract": (
            "An answer to Senator Hill. This letter discusses plans for the Democratic Party in the south as they "
            'try to regain power. In the top left hand corner there is a notation that this letter is "Strictly '
            'Confidential" it is unsigned, possibly due to secrecy of parties involved.'
        ),
        "number-of-pages": "1",
        "dimensions": "Height: 30.5 cm, Width: 22.2 cm",
        **GILDER_LEHRMAN,
        "archive_location": "GLC09400.048",
    },
    "gilder-lehrman/006.txt": {
        "type": "personal_communication",
        "medium": "Autograph letter signed",
        "title": "Nicolay, John G. (1832-1901) to F.N. Barrett",
        "title-is-description": True,
        "author": [{"family": "Nicolay", "given": "John G."}],
        "recipient": [{"family": "Barrett", "given": "F.N."}],
        "issued": {"date-parts": [[1892, 2, 13]]},
        "event-place": "Washington, D.C.",
        "abstract": (
            "Thanks him for an extract of Gerrit Smith's comment on Abraham Lincoln. Mentions a problem with his "
            "eyesight."
        ),
        "number-of-pages": "1",
        "dimensions": "20.3 x 25.2 cm",
        **GILDER_LEHRMAN,
        "archive_location": "GLC02490.12",
        "note": (
            "Nicolay was President Abraham Lincoln's private secretary, a diplomat, and a Marshall of the U.S. "
            "Supreme Court. He wrote the book, Abraham Lincoln: A History, with John Hay. Smith was a widely known "
            "philanthropist and social reformer who ran for President in 1848. He used some of his money to set up "
            "communities of freed black enslaved people."
        ),
    },
    "gilder-lehrman/008.txt": {
        "type": "personal_communication",
        "medium": "Letter signed",
        "title": "Jefferson, Thomas, 1743-1826 to Stephen T. Mitchell",
        "title-is-description": True,
        "author": [{"family": "Jefferson", "given": "Thomas"}],
        "recipient": [{"family": "Mitchell", "given": "Stephen T."}],
        "issued": {"date-parts": [[1824, 6, 21]]},
        "event-place": "Monticello, Virginia",
        "abstract": (
            "Written a few years before his death. Jefferson writes that he has avoided a new paper subscription "
            '"from the uncertainty of my living to receive them...." No recipient included on letter.'
        ),
        "number-of-pages": "1",
        "dimensions": "Height: 25 cm, Width: 20 cm",
        **GILDER_LEHRMAN,
        "archive_location": "GLC00154.08",
    },
    # --- National Security Archive: a briefing book (its number is in its address only).
    "nsarchive/001.txt": {
        "type": "webpage",
        "title": "China and the United States: From Hostility to Engagement, 1960-1998",
        "issued": {"date-parts": [[1999, 6, 1]]},
        "publisher-place": "Washington, D.C.",
        **EBB,
        "publisher": "National Security Archive",
    },
    # A re-hosted document entry naming its original source.
    "nsarchive/003.txt": {
        "type": "document",
        "title": (
            "Tiananmen Square Document 9: Secretary of State's Morning Summary for June 3, 1989, China: Police Use "
            "Tear Gas on Crowds"
        ),
        "issued": {"date-parts": [[1989]]},
        "abstract": (
            "The initial moves against the students suggested to many that the Chinese leadership was still, as of "
            "the morning of June 3, committed to a relatively peaceful resolution to the crisis. This document "
            "describes two incidents that in retrospect may have convinced Chinese authorities that the use of force "
            'was necessary. The document reports, according to various sources, that "approximatley 5,000 unarmed '
            "troops … were turned back by students and citizens as they attempted to advance on foot to Tiananmen "
            'Square." Later in the day Beijing police fired tear gas on crowds gathered near the Zhongnanhai '
            'leadership compound, but the report suggests that this was an "accidental rather than a premeditated '
            'effort to escalate the level of force beyond that used unsuccessfully earlier in the day." With respect '
            'to the disorderly withdrawal of the military units earlier in the day, the summary notes that "the '
            "obvious confusion of many of the soldiers suggests they were unprepared for the outpouring of "
            'opposition their movements triggered."'
        ),
        **EBB,
        "collection-number": "16",
        "number": "9",
        "publisher": "National Security Archive",
        "note": "Original source: http://www.gwu.edu/~nsarchiv/NSAEBB/NSAEBB16/documents/index.html#d9",
    },
}

# What an address adds (SOURCES.md gives each page's): the volume of a FRUS document, the number
# of a briefing book, the document's id at Founders Online.
FROM_ADDRESS: dict[str, dict[str, Any]] = {
    "frus/001.txt": {
        "container-title": "Foreign Relations of the United States, 1964–1968",
        "volume": "22",
        "digital-archive-id": "frus1964-68v22/d262",
    },
    "frus/003.txt": {
        "container-title": "Foreign Relations of the United States, 1939",
        "volume": "2",
        "digital-archive-id": "frus1939v02/d832",
    },
    "frus/007.txt": {
        "container-title": "Foreign Relations of the United States, 1918, Russia",
        "volume": "1",
        "digital-archive-id": "frus1918Russiav01/d482",
    },
    "frus/012.txt": {
        "container-title": "Foreign Relations of the United States, 1969–1976",
        "volume": "21",
        "digital-archive-id": "frus1969-76v21/d333",
    },
    "founders-online/001.txt": {"digital-archive-id": "Washington/03-15-02-0150"},
    "founders-online/002.txt": {
        "digital-archive-id": "Jefferson/01-11-02-0125",
        "container-title": "The Papers of Thomas Jefferson",
    },
    "nsarchive/001.txt": {"collection-number": "16"},
}
