Feature: Who receives it, and figures that could identify someone
  Who it protects: a person whose information would reach a member of the public outside the
  scheme made for it; a victim or witness whose details would go to everyone on a mailing list;
  and a person who can be picked out from small figures for a small area.
  Why: this protocol covers sharing between partner agencies (1.4, 2.1, 2.2, 3.5). Telling a member
  of the public about someone else goes through its own scheme: Clare's Law (the Domestic Violence
  Disclosure Scheme), Sarah's Law (section 327A of the Criminal Justice Act 2003), or a MAPPA
  disclosure decision. A person given their own information has a right of access (UK GDPR Article
  15, handled under 15.1), with other people's information taken out (Data Protection Act 2018,
  Schedule 2, Part 3, paragraph 16). Personal data goes securely and only to those who need to know
  (7.4, 6.4, Appendix 2 questions 2 and 9): the ICO fined Gloucestershire Police £80,000 (2018) for
  an email that showed abuse victims' names to every other recipient. Anonymised figures are
  preferred (5.4) only while nobody can be identified from them: the ICO's anonymisation code warns
  that small counts can identify people.
  Clauses covered: 1.4, 2.1, 2.2, 3.5, 15.1, 7.4, 6.4, A2.Q2, A2.Q9, 3.6, A3, 5.4.

  @clause-1.4 @clause-2.1 @clause-2.2 @clause-3.5 @fires
  Scenario: Telling a member of the public about someone else goes through the scheme made for it
    Given Warwickshire Police propose to share an offender's criminal record with a member of the public
    And the recipient is recorded as a private person
    And the power to share is the common law
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 1.4
    And the reason cites clause 2.1
    And the reason cites clause 2.2
    And the reason cites clause 3.5
    And the officer must refer to whoever decides under the disclosure scheme
    And the officer is told that telling a member of the public about someone else is decided under its own scheme
    And the answer rests on the reading that telling a member of the public is outside this protocol's sharing between partners

  @clause-1.4 @clause-2.1 @clause-2.2 @clause-3.5 @does-not-fire
  Scenario: Sharing with a partner agency is what the protocol is for
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    When the share is checked against the protocol
    Then clause 1.4 is not raised
    And clause 2.1 is not raised
    And clause 2.2 is not raised
    And clause 3.5 is not raised

  @clause-15.1 @fires
  Scenario: A person given their own information gets only theirs
    Given Warwickshire Police propose to share a victim's address with a member of the public
    And the recipient is recorded as a private person
    And the recipient is the person the information is about
    And the power to share is the common law
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 15.1
    And a condition is to give them only their own information

  @clause-15.1 @does-not-fire
  Scenario: Not knowing whether the member of the public is the person it is about does not help
    Given Warwickshire Police propose to share a victim's address with a member of the public
    And the recipient is recorded as a private person
    And it is not known whether the recipient is the person the information is about
    And the power to share is the common law
    When the share is checked against the protocol
    Then the answer is refer
    And clause 15.1 is not raised

  @clause-7.4 @clause-6.4 @clause-A2.Q2 @clause-A2.Q9 @fires
  Scenario: A victim's details do not go to a list of recipients who can see one another
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the same message also goes to Warwickshire County Council
    And the same message also goes to Refuge
    And the recipients can see one another
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 7.4
    And the reason cites clause 6.4
    And the reason cites clause A2.Q2
    And the reason cites clause A2.Q9
    And the officer is told that everyone on it gets the details whether they need them or not
    And the answer rests on the reading that personal data about a victim, witness or vulnerable person does not go to several recipients who can see one another

  @clause-7.4 @clause-A2.Q9 @fires
  Scenario: Other recipients named, and not said to be hidden, are taken to see one another
    Given Warwickshire Police propose to share a witness's address with Rugby Borough Council
    And the same message also goes to Warwickshire County Council
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 7.4
    And the reason cites clause A2.Q9

  @clause-6.4 @clause-A2.Q2 @fires
  Scenario: Several recipients who cannot see one another must each need to know
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the same message also goes to Warwickshire County Council
    And the recipients cannot see one another
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 6.4
    And the reason cites clause A2.Q2
    And a condition is to confirm that each recipient needs to know

  @clause-7.4 @clause-6.4 @clause-A2.Q2 @clause-A2.Q9 @does-not-fire
  Scenario: A message to the recipient alone is decided as before
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And it goes to the recipient alone
    When the share is checked against the protocol
    Then the answer is share
    And clause 7.4 is not raised
    And clause 6.4 is not raised
    And clause A2.Q2 is not raised
    And clause A2.Q9 is not raised

  @clause-3.6 @clause-A3 @fires
  Scenario: Another recipient of the same message that has not signed gets the Appendix 3 agreement
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    And the same message also goes to an agency that has not signed the protocol
    And the recipients cannot see one another
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 3.6
    And the reason cites clause A3
    And a condition is to check each other recipient's name against the register

  @clause-5.4 @fires
  Scenario: Figures with a count of one for a ward are treated as personal data
    Given Warwickshire Police propose to share aggregated crime figures with Rugby Borough Council
    And the smallest number in the figures is 1
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 5.4
    And a condition is to suppress or round every count below 5

  @clause-5.4 @fires
  Scenario: Figures whose smallest count is five are shared as before, with advice only
    Given Warwickshire Police propose to share aggregated crime figures with Rugby Borough Council
    And the smallest number in the figures is 5
    When the share is checked against the protocol
    Then the answer is share
    And nothing needs to be done before sharing
    And the officer is advised, citing clause 5.4
