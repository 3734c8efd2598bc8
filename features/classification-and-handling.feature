Feature: Classification and handling
  Who it protects: victims, children, vulnerable adults and anyone whose sensitive information
  could cause them harm if it were lost, stolen or sent to the wrong place.
  Why: material is marked with the Government Security Classifications so that recipients know
  how to protect it (6.3). Information to be shared only on a need-to-know basis is marked
  OFFICIAL-SENSITIVE; SECRET and TOP SECRET are beyond what this protocol provides for (6.4).
  Personal data travels only by a secure route: secure email, a password-protected attachment
  where the recipient has no secure email, a courier or a secure shared system (7.4, Appendix 3,
  Appendix 2 question 9).
  Clauses covered: 6.1, 6.3, 6.4, 7.4, Appendix 2 question 9 (A2.Q9), Appendix 3 (A3).

  @clause-6.4 @clause-6.3 @fires
  Scenario Outline: Sensitive personal information marked only OFFICIAL must be marked OFFICIAL-SENSITIVE
    Given Warwickshire Police propose to share <information> with Rugby Borough Council
    And it is marked OFFICIAL
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 6.4
    And the reason cites clause 6.3
    And a condition is to mark it OFFICIAL-SENSITIVE and share it on a need-to-know basis only

    Examples:
      | information                   |
      | a victim's address            |
      | a vulnerable adult's address  |
      | a child's address             |
      | an offender's criminal record |
      | a witness's health information |

  @clause-6.4 @clause-6.3 @does-not-fire
  Scenario Outline: A marking that already fits the information raises nothing
    Given Warwickshire Police propose to share <information> with Rugby Borough Council
    And it is marked <marking>
    When the share is checked against the protocol
    Then the answer is share
    And clause 6.4 is not raised
    And clause 6.3 is not raised

    Examples:
      | information                   | marking            |
      | a witness's address           | OFFICIAL           |
      | a victim's address            | OFFICIAL-SENSITIVE |
      | a child's address             | OFFICIAL-SENSITIVE |
      | an offender's criminal record | OFFICIAL-SENSITIVE |

  @clause-6.4 @fires
  Scenario Outline: SECRET and TOP SECRET material is outside the protocol
    Given an ordinary lawful share
    And it is marked <marking>
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 6.4
    And the officer must refer to the Data Protection Officer

    Examples:
      | marking    |
      | SECRET     |
      | TOP SECRET |

  @clause-7.4 @clause-A2.Q9 @fires
  Scenario Outline: Personal data sent by an insecure route must be protected first
    Given an ordinary lawful share
    And it is sent <route>
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 7.4
    And the reason cites clause A2.Q9
    And a condition is to <protection>

    Examples:
      | route            | protection                                              |
      | by ordinary email | send it by secure email                                |
      | by post          | use tracked or recorded delivery in a sealed envelope   |
      | by phone         | confirm who you are speaking to                         |
      | in person, outside any meeting | make sure you know who you are telling    |

  @clause-7.4 @clause-A2.Q9 @fires
  Scenario Outline: Personal data does not go by a messaging app or from a personal device
    Given an ordinary lawful share
    And it is sent <route>
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 7.4
    And the reason cites clause A2.Q9

    Examples:
      | route                 |
      | by a messaging app    |
      | from a personal phone |

  @clause-7.4 @clause-A2.Q9 @does-not-fire
  Scenario: Anonymised figures may go by a messaging app
    Given Warwickshire Police propose to share anonymised crime figures with Rugby Borough Council
    And it is sent by a messaging app
    When the share is checked against the protocol
    Then the answer is share
    And clause 7.4 is not raised
    And clause A2.Q9 is not raised

  @clause-6.4 @clause-7.4 @fires
  Scenario Outline: Marking and route are each checked: a weak marking and an insecure route need both put right
    Given Warwickshire Police propose to share <information> with Rugby Borough Council
    And it is marked OFFICIAL
    And it is sent <route>
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 6.4
    And the reason cites clause 7.4
    And a condition is to mark it OFFICIAL-SENSITIVE
    And a condition is to <protection>

    Examples:
      | information                   | route             | protection                      |
      | a victim's address            | by ordinary email | send it by secure email         |
      | a victim's address            | by post           | use tracked or recorded delivery |
      | a victim's address            | by phone          | confirm who you are speaking to |
      | an offender's criminal record | by ordinary email | send it by secure email         |
      | an offender's criminal record | by post           | use tracked or recorded delivery |
      | an offender's criminal record | by phone          | confirm who you are speaking to |

  @clause-7.4 @clause-A3 @fires
  Scenario: A recipient with no secure email gets a password-protected attachment
    Given an ordinary lawful share
    And the recipient has no secure email
    And it is sent by ordinary email
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 7.4
    And the reason cites clause A3
    And a condition is to send it as an attachment encrypted with a password, and give the password by a different route

  @clause-7.4 @fires
  Scenario: Secure email must be confirmed as secure
    Given an ordinary lawful share
    And it is not known whether the recipient has secure email
    And it is sent by secure email
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 7.4
    And a condition is to confirm the recipient's address is on a secure email system

  @clause-7.4 @clause-A2.Q9 @does-not-fire
  Scenario Outline: Personal data sent by a secure route needs nothing more
    Given an ordinary lawful share
    And it is sent <route>
    When the share is checked against the protocol
    Then the answer is share
    And nothing needs to be done before sharing
    And clause 7.4 is not raised
    And clause A2.Q9 is not raised

    Examples:
      | route                                      |
      | by secure email                            |
      | as an attachment encrypted with a password |
      | on the partners' secure case system        |
      | by courier                                 |

  @clause-6.1 @clause-7.4 @fires
  Scenario: Information said to be given in a meeting must name the meeting
    Given an ordinary lawful share
    And the route is given as in a meeting, but no meeting is named
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 6.1
    And the reason cites clause 7.4
    And a condition is to name the meeting
