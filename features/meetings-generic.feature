Feature: Meetings that use the generic declaration (Appendix 3)
  Who it protects: the victims, offenders and others discussed at multi-agency meetings, whose
  information is spoken about in a room (or a call) of people from many organisations.
  Why: the protocol lists the meetings it covers and the declaration each uses (1.6). The chair
  sets the confidentiality level at the start and provides the sign-in declaration (6.1), which
  binds everyone present, including people not from a signatory organisation (6.2), and keeps
  it current (6.5). The generic declaration of Appendix 3 is used by Community Impact
  Operational Groups, Vulnerability meetings, Partnership Problem Solving meetings, Domestic
  Homicide Review Panels, Hate Crime meetings and Case Management meetings; 1.6 names none for
  Community Safety Partnership meetings, so the library uses Appendix 3 for them too. Under
  Appendix 3 a meeting is recorded only with every attendee's agreement, and what was said goes
  further only on a lawful basis. A data protection impact assessment should cover each meeting
  (5.7, an organisational duty the library reminds the officer of).
  A meeting 1.6 does not list (a Children Act 1989 section 47 strategy discussion, a modern
  slavery referral panel) is still a meeting: the library uses the generic Appendix 3
  declaration for it, names it in the decision, and points to 1.5, which lets the partnership add
  an appendix for it (the library's reading, marked as such).
  Clauses covered: 1.5, 1.6, 6.1, 6.2, 6.5, Appendix 3 (A3), 7.3; and 5.7 for the organisations.

  @clause-1.6 @clause-6.1 @clause-6.5 @clause-A3 @fires
  Scenario Outline: Sharing at a meeting needs every attendee to have signed the Appendix 3 declaration
    Given an ordinary lawful share
    And it is shared at <meeting>
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 1.6
    And the reason cites clause 6.1
    And the reason cites clause 6.5
    And the reason cites clause A3
    And a condition is to make sure every attendee has signed the Appendix 3 declaration
    And a condition says the chair has set the confidentiality level at the start
    And a condition says do not record the meeting unless every attendee agrees first

    Examples:
      | meeting                                 |
      | a Community Impact Operational Group    |
      | a Vulnerability meeting                 |
      | a Partnership Problem Solving meeting   |
      | a Domestic Homicide Review Panel        |
      | a Hate Crime meeting                    |
      | a Case Management meeting               |
      | a Community Safety Partnership meeting  |

  @clause-1.6 @clause-6.1 @clause-6.5 @does-not-fire
  Scenario: Sharing outside any meeting needs no meeting declaration
    Given an ordinary lawful share
    When the share is checked against the protocol
    Then the answer is share
    And clause 1.6 is not raised
    And clause 6.1 is not raised
    And clause 6.5 is not raised

  @clause-6.2 @fires
  Scenario: An attendee from an organisation that has not signed is bound by the declaration too
    Given Warwickshire Police propose to share a victim's address with an agency that has not signed the protocol
    And the power to share is the common law
    And it is shared at a Vulnerability meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 6.2
    And a condition is to have the recipient's representatives sign the Appendix 3 confidentiality agreement

  @clause-A3 @clause-7.3 @fires
  Scenario: What was said at a Hate Crime meeting goes further only on a lawful basis
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the information was first shared at a Hate Crime meeting
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause A3
    And the officer is advised, citing clause 7.3
    And the officer is told that it may go further only where there is a lawful basis to do so

  @clause-5.7 @fires
  Scenario: A meeting with no data protection impact assessment prompts one
    Given an ordinary lawful share
    And it is shared at a Hate Crime meeting
    And no data protection impact assessment covers it
    When the share is checked against the protocol
    Then the officer is advised, citing clause 5.7

  @clause-5.7 @does-not-fire
  Scenario: A meeting covered by a data protection impact assessment raises nothing more
    Given an ordinary lawful share
    And it is shared at a Hate Crime meeting
    When the share is checked against the protocol
    Then clause 5.7 is not raised

  @clause-3.6 @clause-6.2 @fires
  Scenario: At a case management meeting an agency that has not signed signs the sheet, and no chair need agree
    Given Warwickshire Police propose to share a victim's address with an agency that has not signed the protocol
    And it is shared at a Case Management meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 3.6
    And the reason cites clause 6.2
    And nobody needs to be asked first

  @clause-1.5 @clause-1.6 @clause-6.1 @clause-A3 @fires
  Scenario: A meeting the protocol does not list uses the generic declaration, and the decision names it
    Given Warwickshire Police propose to share an offender's criminal record with Warwickshire County Council
    And it is shared at a meeting the protocol does not list
    And the meeting is called "Children Act 1989 s.47 strategy discussion"
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 1.5
    And the reason cites clause 1.6
    And the reason cites clause 6.1
    And the reason cites clause A3
    And a condition is to make sure every attendee has signed the Appendix 3 declaration
    And a condition says do not record the meeting unless every attendee agrees first
    And the officer is told that "Children Act 1989 s.47 strategy discussion", a meeting the protocol does not list
    And the officer is advised, citing clause 1.5
    And the answer rests on the reading that a meeting the protocol does not list uses the generic Appendix 3 declaration

  @clause-1.5 @fires
  Scenario: A meeting the protocol does not list, left unnamed, is to be named
    Given Warwickshire Police propose to share an offender's criminal record with Warwickshire County Council
    And it is shared at a meeting the protocol does not list
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 1.5
    And a condition is to name the meeting on the record and on the Appendix 3 sign-in sheet

  @clause-1.5 @does-not-fire
  Scenario: A meeting the protocol lists needs no appendix of its own
    Given Warwickshire Police propose to share an offender's criminal record with Warwickshire County Council
    And it is shared at a Case Management meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And clause 1.5 is not raised

  @clause-A3 @clause-7.3 @fires
  Scenario: What was said at a meeting the protocol does not list goes further only on a lawful basis
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the information was first shared at a meeting the protocol does not list
    And the meeting is called "modern slavery referral panel"
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause A3
    And the officer is advised, citing clause 7.3
    And the officer is told that "modern slavery referral panel", a meeting the protocol does not list
